using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatApis.Diagnostics;

namespace ChatApis.Reliability.Tests.Telemetry;

/// <summary>
/// Records every activity of ONE test's trace: the SDK's own (<see cref="ChatApisTelemetry.Name"/>) and
/// the HTTP client's beneath them (what OpenTelemetry exports for a user who listens to both). The test's
/// root activity makes the calls it starts part of its trace; activities of tests running in parallel
/// belong to other traces and are neither sampled nor recorded.
/// </summary>
public sealed class TraceCollector : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    /// <summary>Starts the test's root activity (it becomes <see cref="Activity.Current"/>) and listens.</summary>
    public TraceCollector()
    {
        _root = new Activity("ChatApis.Reliability.Tests.Telemetry");
        _root.SetIdFormat(ActivityIdFormat.W3C);
        _root.Start();
        var trace = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatApisTelemetry.Name || source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The activities that stopped so far.</summary>
    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>The SDK's own activities that stopped so far.</summary>
    public IReadOnlyList<Activity> Sdk => [.. _stopped.Where(a => a.Source.Name == ChatApisTelemetry.Name)];

    /// <summary>Every text an exporter could send for an activity: names, tags, events and their tags, status, baggage.</summary>
    public static IEnumerable<string> TextsOf(Activity activity)
    {
        yield return activity.DisplayName;
        yield return activity.OperationName;
        if (activity.StatusDescription is { } status)
        {
            yield return status;
        }

        if (activity.TraceStateString is { } state)
        {
            yield return state;
        }

        foreach (var (key, value) in activity.TagObjects)
        {
            yield return $"{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
        }

        foreach (var (key, value) in activity.Baggage)
        {
            yield return $"{key}={value}";
        }

        foreach (var activityEvent in activity.Events)
        {
            yield return activityEvent.Name;
            foreach (var (key, value) in activityEvent.Tags)
            {
                yield return $"{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _root.Stop();
    }
}
