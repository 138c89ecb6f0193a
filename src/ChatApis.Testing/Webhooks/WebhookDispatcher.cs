using System.Net;
using System.Text;

namespace ChatApis.Testing.Webhooks;

/// <summary>
/// Sends a simulator's webhook deliveries: POSTs JSON to a subscriber's target URL and retries the way
/// the vendor documents (after network errors, 408, 429 and 5xx), waiting on the simulator's clock.
/// Deliveries run in the background; <see cref="WhenIdleAsync"/> lets a test wait for them.
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly List<Task> _inflight = [];
    private readonly List<WebhookAttempt> _attempts = [];

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="time">The simulator's clock (retry waits use it).</param>
    /// <param name="retryDelays">The wait before each retry; its length is the number of retries.</param>
    public WebhookDispatcher(TimeProvider time, IReadOnlyList<TimeSpan> retryDelays)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(retryDelays);
        _time = time;
        _retryDelays = retryDelays;
    }

    /// <summary>Every attempt made so far, in order.</summary>
    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Starts delivering <paramref name="json"/> to <paramref name="target"/> in the background.</summary>
    /// <param name="target">The subscriber's URL.</param>
    /// <param name="json">The payload.</param>
    /// <param name="headers">Extra headers to send, if any.</param>
    public void Enqueue(Uri target, string json, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(json);
        var task = Task.Run(() => DeliverAsync(target, json, headers));
        lock (_inflight)
        {
            _inflight.RemoveAll(t => t.IsCompleted);
            _inflight.Add(task);
        }
    }

    /// <summary>Waits until every delivery started so far has finished (delivered or given up).</summary>
    /// <returns>A task that completes when idle.</returns>
    public Task WhenIdleAsync()
    {
        lock (_inflight)
        {
            return Task.WhenAll(_inflight.ToArray());
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task DeliverAsync(Uri target, string json, IReadOnlyDictionary<string, string>? headers)
    {
        for (var attempt = 0; ; attempt++)
        {
            int? status = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(request).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
                // The simulator stopped while this delivery was under way: nobody is left to tell.
                return;
            }

            lock (_attempts)
            {
                _attempts.Add(new WebhookAttempt(target, attempt + 1, status, _time.GetUtcNow()));
            }

            var retryable = status is null or (int)HttpStatusCode.RequestTimeout or 429 or >= 500;
            if (!retryable || attempt >= _retryDelays.Count)
            {
                return;
            }

            await Task.Delay(_retryDelays[attempt], _time).ConfigureAwait(false);
        }
    }
}
