using System.Net.Http.Headers;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>The HttpClient the baseline and the peers share the way users would: one long-lived client over one SocketsHttpHandler.</summary>
public static class BenchHttp
{
    /// <summary>A client for <paramref name="baseAddress"/> over a pooled SocketsHttpHandler, or over <paramref name="stub"/>.</summary>
    public static HttpClient Create(Uri baseAddress, HttpMessageHandler? stub)
    {
        HttpMessageHandler transport = stub ?? new SocketsHttpHandler
        {
            // The same reuse the SDK gets: one pool, connections kept (no DNS to follow on loopback).
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        var http = new HttpClient(transport, disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", VendorScenario.Token);
        return http;
    }
}
