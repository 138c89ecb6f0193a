using System.Security.Cryptography;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatApis.AspNetCore;

/// <summary>
/// Feeds a Zipchat chat's new messages to <c>IInboundEventHandler&lt;ZipchatNewMessage&gt;</c>, the same handler
/// model as the webhook endpoints: one scope per message, a claim per message id in the shared
/// <see cref="IDeliveryClaimStore"/> (so two instances watching one chat with a shared store handle each message
/// once), a retry with a doubling delay when the handler throws, and the cursor saved after each message. A failed
/// poll restarts the watch from the last saved cursor after <see cref="ZipchatWatcherOptions.RestartDelay"/>.
/// </summary>
internal sealed class ZipchatWatcherService(
    ZipchatClient client,
    ZipchatWatcherOptions options,
    IZipchatWatchCursorStore cursors,
    IDeliveryClaimStore claims,
    InboundEventOptions shared,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    /// <summary>The event name handlers see for a watched message.</summary>
    internal const string EventName = "new_message";

    private readonly string _name = options.EffectiveName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var cursor = await cursors.LoadAsync(_name, stoppingToken).ConfigureAwait(false)
                ?? ZipchatWatchCursor.StartingAt(time.GetUtcNow() - options.InitialLookback);
            InboundLog.WatcherStarted(logger, _name, cursor.ToString());
            while (true)
            {
                try
                {
                    await foreach (var found in client.WatchNewMessagesAsync(cursor, options.Watch, cancellationToken: stoppingToken).ConfigureAwait(false))
                    {
                        await DeliverAsync(found, stoppingToken).ConfigureAwait(false);
                        cursor = found.Cursor;
                        await cursors.SaveAsync(_name, cursor, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    InboundLog.WatcherFailed(logger, ex, _name, ex.GetType().Name, options.RestartDelay);
                    await Task.Delay(options.RestartDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping: the cursor of the last handled message is saved.
        }
    }

    private async Task DeliverAsync(ZipchatNewMessage found, CancellationToken stoppingToken)
    {
        var key = $"{InboundSources.Zipchat}:{client.ChatId}:message:{found.Message.Id}";
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure = null;
            string reason;
            var claimId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var claim = await claims.TryClaimAsync(key, claimId, shared.ClaimLease, stoppingToken).ConfigureAwait(false);
            if (claim == DeliveryClaimStatus.Completed)
            {
                return;
            }

            if (claim == DeliveryClaimStatus.InProgress)
            {
                reason = "being handled elsewhere";
            }
            else
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var context = new InboundEventContext(InboundSources.Zipchat, EventName, key, _name, time.GetUtcNow(), scope.ServiceProvider);
                    try
                    {
                        await HandlerDispatch.InvokeAsync<ZipchatNewMessage, ZipchatNewMessage>(found, context, stoppingToken).ConfigureAwait(false);
                        await claims.CompleteAsync(key, claimId, shared.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
                        InboundLog.WatcherHandled(logger, EventName, key, _name);
                        return;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        await claims.ReleaseAsync(key, claimId, CancellationToken.None).ConfigureAwait(false);
                        failure = ex;
                        reason = ex.GetType().Name;
                    }
                    catch
                    {
                        await claims.ReleaseAsync(key, claimId, CancellationToken.None).ConfigureAwait(false);
                        throw;
                    }
                }
            }

            if (attempt >= options.MaxHandlerAttempts)
            {
                InboundLog.WatcherGaveUp(logger, _name, key, attempt);
                return;
            }

            var delay = options.HandlerRetryDelay * Math.Pow(2, attempt - 1);
            InboundLog.WatcherRetrying(logger, failure, _name, attempt, key, reason, delay);
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
