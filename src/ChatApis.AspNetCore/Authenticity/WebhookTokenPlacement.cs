namespace ChatApis.AspNetCore;

/// <summary>Where a webhook target URL carries its secret token.</summary>
public enum WebhookTokenPlacement
{
    /// <summary>As the last path segment: map the endpoint with a <c>{token}</c> route parameter, e.g. <c>/hooks/assistloop/{token}</c>.</summary>
    PathSegment = 0,

    /// <summary>As the <c>token</c> query parameter: map the endpoint without a <c>{token}</c> parameter.</summary>
    Query = 1,
}
