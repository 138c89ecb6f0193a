namespace ChatApis.Conventions.Tests.Collision;

/// <summary>Shares its name with <see cref="Fixtures.DialectClient"/>, as two vendors' <c>Conversation</c> models once did.</summary>
public sealed class DialectClient
{
}
