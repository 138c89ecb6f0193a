using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ChatApis.Zipchat;

/// <summary>
/// Where a chat-wide watch (<see cref="ZipchatClient.WatchNewMessagesAsync"/>) stands: every message created
/// before <see cref="Since"/> has been reported, and so have the few messages at or after it whose ids the cursor
/// keeps. Each reported message carries the cursor that includes it: persist <see cref="Serialize"/> once the
/// message is handled and resume with <see cref="Parse"/>, and nothing is lost or reported twice. Immutable.
/// </summary>
public sealed class ZipchatWatchCursor
{
    private const string Prefix = "zw1";

    private readonly ImmutableDictionary<long, DateTimeOffset> _seen;

    private ZipchatWatchCursor(DateTimeOffset since, ImmutableDictionary<long, DateTimeOffset> seen)
    {
        Since = since;
        _seen = seen;
    }

    /// <summary>Every message created before this instant has been reported.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>The messages at or after <see cref="Since"/> already reported (the API's time filter includes its bound).</summary>
    public IReadOnlyCollection<long> ReportedMessageIds => _seen.Keys.ToList();

    /// <summary>A cursor that reports every message created at or after <paramref name="since"/>.</summary>
    /// <param name="since">The first instant to report (e.g. now, to watch from here on).</param>
    /// <returns>The cursor.</returns>
    public static ZipchatWatchCursor StartingAt(DateTimeOffset since) => new(since.ToUniversalTime(), ImmutableDictionary<long, DateTimeOffset>.Empty);

    /// <summary>Reads a cursor written by <see cref="Serialize"/>.</summary>
    /// <param name="text">The persisted text.</param>
    /// <returns>The cursor.</returns>
    /// <exception cref="ArgumentException">The text is not a cursor this release wrote.</exception>
    public static ZipchatWatchCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(';');
        if (parts.Length != 3 || parts[0] != Prefix || !TryTicks(parts[1], out var since))
        {
            throw new ArgumentException("text is not a Zipchat watch cursor (expected 'zw1;<ticks>;<id>@<ticks>,...').", nameof(text));
        }

        var seen = ImmutableDictionary.CreateBuilder<long, DateTimeOffset>();
        foreach (var entry in parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0
                || !long.TryParse(entry.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || id <= 0
                || !TryTicks(entry[(at + 1)..], out var createdAt))
            {
                throw new ArgumentException("text is not a Zipchat watch cursor: an entry is not '<message id>@<ticks>'.", nameof(text));
            }

            seen[id] = createdAt;
        }

        return new ZipchatWatchCursor(since, seen.ToImmutable());
    }

    /// <summary>The cursor as a short text to persist (no secret in it): <c>zw1;&lt;ticks&gt;;&lt;id&gt;@&lt;ticks&gt;,...</c>.</summary>
    /// <returns>The text <see cref="Parse"/> reads back.</returns>
    public string Serialize()
    {
        var text = new StringBuilder(Prefix).Append(';').Append(Since.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append(';');
        var first = true;
        foreach (var (id, createdAt) in _seen.OrderBy(pair => pair.Key))
        {
            text.Append(first ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture)).Append('@').Append(createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        return text.ToString();
    }

    /// <summary>For diagnostics.</summary>
    /// <returns>E.g. <c>since 2026-01-01T00:00:00.0000000+00:00, 2 message(s) at or after it reported</c>.</returns>
    public override string ToString() => $"since {Since:O}, {_seen.Count} message(s) at or after it reported";

    /// <summary>Whether a message was reported already.</summary>
    /// <param name="messageId">The message id.</param>
    /// <returns><c>true</c> when it was.</returns>
    internal bool HasReported(long messageId) => _seen.ContainsKey(messageId);

    /// <summary>The cursor once <paramref name="message"/> is reported and everything before <paramref name="since"/> is.</summary>
    /// <param name="message">The message reported.</param>
    /// <param name="since">The new bound (never moves back).</param>
    /// <param name="overlap">How far before the bound the watch reads again (its ids must stay remembered).</param>
    /// <returns>The new cursor.</returns>
    internal ZipchatWatchCursor With(ZipchatMessage message, DateTimeOffset since, TimeSpan overlap) =>
        new ZipchatWatchCursor(Since, _seen.SetItem(message.Id, message.CreatedAt)).AdvancedTo(since, overlap);

    /// <summary>The cursor with its bound moved to <paramref name="since"/> (if later), forgetting ids the watch no longer reads again.</summary>
    /// <param name="since">The new bound.</param>
    /// <param name="overlap">How far before the bound the watch reads again.</param>
    /// <returns>The new cursor.</returns>
    internal ZipchatWatchCursor AdvancedTo(DateTimeOffset since, TimeSpan overlap)
    {
        if (since <= Since)
        {
            return this;
        }

        var keepFrom = since - overlap;
        var stale = _seen.Where(pair => pair.Value < keepFrom).Select(pair => pair.Key).ToList();
        return new ZipchatWatchCursor(since, stale.Count == 0 ? _seen : _seen.RemoveRange(stale));
    }

    private static bool TryTicks(string text, out DateTimeOffset at)
    {
        at = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
