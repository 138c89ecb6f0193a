using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;

namespace ChatApis.Contract.Tests.Support;

/// <summary>
/// Matches only the exact documented request. WireMock's own builders accept extra query parameters and
/// match paths with wildcards; this matcher reuses <see cref="ExpectedRequest.Mismatches"/> instead.
/// </summary>
internal sealed class StrictRequestMatcher(ExpectedRequest expected) : IRequestMatcher
{
    public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult) =>
        requestMatchResult.AddScore(GetType(), MatchScores.ToScore(expected.Mismatches(requestMessage).Count == 0), null);
}
