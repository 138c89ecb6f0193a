using System.Text.Json;

namespace Samples.TrimSmoke;

/// <summary>
/// Fetches a response as plain JSON, without the SDK: the reference every parsed field is compared with.
/// </summary>
internal static class RawJson
{
    public static async Task<JsonElement> GetAsync(HttpClient http, Uri url, string header, string value, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
