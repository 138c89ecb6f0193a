using System.Collections.Concurrent;
using ChatApis.Zipchat;

namespace ChatApis.AspNetCore;

/// <summary>The default <see cref="IZipchatWatchCursorStore"/>: cursors in this process's memory (lost on restart).</summary>
public sealed class InMemoryZipchatWatchCursorStore : IZipchatWatchCursorStore
{
    private readonly ConcurrentDictionary<string, ZipchatWatchCursor> _cursors = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<ZipchatWatchCursor?> LoadAsync(string watcherName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watcherName);
        return ValueTask.FromResult(_cursors.TryGetValue(watcherName, out var cursor) ? cursor : null);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(string watcherName, ZipchatWatchCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watcherName);
        ArgumentNullException.ThrowIfNull(cursor);
        _cursors[watcherName] = cursor;
        return ValueTask.CompletedTask;
    }
}
