namespace ChatApis.Contract.Tests.Coverage;

/// <summary>A test method (or one row of a theory) that pins an endpoint's aspects.</summary>
/// <param name="Surface">The surface of the test's class.</param>
/// <param name="Endpoint">The endpoint key it names.</param>
/// <param name="Aspects">What it pins.</param>
/// <param name="Test">Class.Method, for the report.</param>
/// <param name="Skipped">Whether the test is skipped (then it covers nothing yet).</param>
public sealed record CoveringTest(Surface Surface, string Endpoint, Aspect Aspects, string Test, bool Skipped);
