namespace ChatApis.Contract.Tests.Coverage;

/// <summary>What of an endpoint a contract test pins.</summary>
[Flags]
public enum Aspect
{
    None = 0,

    /// <summary>The exact request: method, path, query, credentials, Content-Type, body.</summary>
    Request = 1,

    /// <summary>Every field of the documented response (or, for an event, of the payload) on the typed result.</summary>
    Response = 2,

    /// <summary>The documented error statuses and bodies become the documented typed exceptions.</summary>
    Errors = 4,

    /// <summary>The documented pagination, over at least three pages.</summary>
    Paging = 8,
}
