using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Testing.Webhooks;

/// <summary>
/// A loopback endpoint that receives webhook deliveries (POST to any path), so a test can subscribe a
/// simulator's webhooks to <see cref="UrlFor"/> and then await what arrives. It answers 200 unless the
/// test injects faults through <see cref="SimulatorHost.Faults"/> (every request is also in the journal).
/// </summary>
public sealed class WebhookReceiver : SimulatorHost
{
    private readonly Channel<WebhookDelivery> _arrivals = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly List<WebhookDelivery> _deliveries = [];

    /// <summary>Creates the receiver; call <see cref="SimulatorHost.StartAsync"/> next.</summary>
    /// <param name="options">Port, clock and name.</param>
    public WebhookReceiver(SimulatorHostOptions? options = null)
        : base(options)
    {
    }

    /// <summary>Every delivery answered with 2xx so far, in arrival order.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>The absolute URL of a path on this receiver, e.g. <c>UrlFor("hooks/new")</c>.</summary>
    /// <param name="path">The path, relative to the receiver's root.</param>
    /// <returns>The URL to subscribe.</returns>
    public Uri UrlFor(string path = "hook")
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseAddress, path.TrimStart('/'));
    }

    /// <summary>Waits for the next delivery that matches <paramref name="predicate"/> (or any, when null).</summary>
    /// <param name="predicate">Which delivery to wait for.</param>
    /// <param name="timeout">How long to wait (default 5 s, real time).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="TimeoutException">Nothing matching arrived in time.</exception>
    public async Task<WebhookDelivery> WaitForDeliveryAsync(Func<WebhookDelivery, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            while (true)
            {
                var delivery = await _arrivals.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
                if (predicate is null || predicate(delivery))
                {
                    return delivery;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching webhook delivery arrived at {Name} within {timeout ?? TimeSpan.FromSeconds(5)}.");
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var delivery = new WebhookDelivery(http.Request.Path.Value ?? "/", headers, Encoding.UTF8.GetString(buffer.ToArray()), Time.GetUtcNow());
            lock (_deliveries)
            {
                _deliveries.Add(delivery);
            }

            _arrivals.Writer.TryWrite(delivery);
            return Results.Ok();
        });
}
