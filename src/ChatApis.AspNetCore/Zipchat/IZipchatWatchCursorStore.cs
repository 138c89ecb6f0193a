using ChatApis.Zipchat;

namespace ChatApis.AspNetCore;

/// <summary>
/// Keeps a hosted Zipchat watcher's cursor, so a restart resumes where it stopped. The default is in memory (a
/// restart then starts from now, see <see cref="ZipchatWatcherOptions.InitialLookback"/>); persist
/// <see cref="ZipchatWatchCursor.Serialize"/> in a file or database to survive restarts.
/// </summary>
public interface IZipchatWatchCursorStore
{
    /// <summary>Loads a watcher's cursor.</summary>
    /// <param name="watcherName">The watcher's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved cursor, or <c>null</c> when none is saved.</returns>
    ValueTask<ZipchatWatchCursor?> LoadAsync(string watcherName, CancellationToken cancellationToken = default);

    /// <summary>Saves a watcher's cursor (after each handled message).</summary>
    /// <param name="watcherName">The watcher's name.</param>
    /// <param name="cursor">The cursor.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveAsync(string watcherName, ZipchatWatchCursor cursor, CancellationToken cancellationToken = default);
}
