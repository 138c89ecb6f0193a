using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>
/// Everything the suite saw that a user could see: every log line of every client it built and every
/// exception message and ToString it observed, plus every credential it used. The summary asserts that
/// no credential appears in any of the text.
/// </summary>
public static class SecretSink
{
    private static readonly ConcurrentQueue<string> Texts = new();
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    public static ILoggerFactory LoggerFactory { get; } = Microsoft.Extensions.Logging.LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(LogLevel.Trace);
        b.AddProvider(new CapturingProvider());
    });

    public static int LogLines { get; private set; }

    public static int Observed => Texts.Count;

    public static void Secret(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Secrets.TryAdd(value, 0);
        }
    }

    public static void Observe(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            Texts.Enqueue(e.Message);
        }

        if (exception is not null)
        {
            Texts.Enqueue(exception.ToString());
        }
    }

    public static void ObserveText(string text) => Texts.Enqueue(text);

    /// <summary>Every (secret, text) pair where the text contains the secret.</summary>
    public static IReadOnlyList<string> Leaks()
    {
        var secrets = Secrets.Keys.ToArray();
        return [.. Texts.SelectMany(t => secrets.Where(s => t.Contains(s, StringComparison.Ordinal)).Select(s => $"{Mask(s)} in: {Shorten(t)}"))];
    }

    public static int SecretCount => Secrets.Count;

    private static string Mask(string secret) => secret.Length <= 6 ? "***" : secret[..4] + "***";

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Texts.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " {" + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) + "}";
            }

            Texts.Enqueue(line);
            Observe(exception);
            LogLines++;
        }
    }
}
