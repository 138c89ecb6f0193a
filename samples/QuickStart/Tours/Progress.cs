using ChatApis.Pagination;
using Spectre.Console;

namespace Samples.QuickStart.Tours;

/// <summary>A progress display for multi-page work.</summary>
internal static class Progress
{
    /// <summary>Walks the pages, showing a live count, and returns how many items and pages there were.</summary>
    public static async Task<(int Items, int Pages)> CountPagesAsync<T>(string title, IAsyncEnumerable<Page<T>> pages)
    {
        var items = 0;
        var count = 0;
        if (Console.IsOutputRedirected)
        {
            // A live display is redrawn with cursor movements: in a log file those are noise. Count quietly;
            // the step line that follows says the totals.
            await foreach (var page in pages)
            {
                items += page.Items.Count;
                count++;
            }

            return (items, count);
        }

        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(title));
            task.IsIndeterminate = true;
            await foreach (var page in pages)
            {
                items += page.Items.Count;
                count++;
                task.Description = Markup.Escape($"{title}: {items} (page {count})");
            }

            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
        });
        return (items, count);
    }
}
