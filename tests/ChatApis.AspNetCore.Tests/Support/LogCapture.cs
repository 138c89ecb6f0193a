using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatApis.AspNetCore.Tests.Support;

/// <summary>Keeps every log line (message and exception text) of a test app, to check what it reveals.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Lines => [.. _lines];

    public IReadOnlyList<string> From(string category) => [.. _lines.Where(l => l.Category == category).Select(l => l.Text)];

    public string AllText => string.Join("\n", _lines.Select(l => l.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
