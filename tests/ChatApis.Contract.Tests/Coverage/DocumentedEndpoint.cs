namespace ChatApis.Contract.Tests.Coverage;

/// <summary>One endpoint (or webhook payload) of a document, and what the contract tests must pin of it.</summary>
/// <param name="Surface">The document's surface.</param>
/// <param name="Key"><c>"METHOD /template"</c> as the document writes it, or <c>"EVENT name"</c> for a payload.</param>
/// <param name="Required">What a contract test must cover.</param>
/// <param name="Section">Where in the document it is described.</param>
public sealed record DocumentedEndpoint(Surface Surface, string Key, Aspect Required, string Section);
