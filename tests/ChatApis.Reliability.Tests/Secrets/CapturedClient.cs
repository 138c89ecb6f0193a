using System.Collections.Concurrent;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Safety;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;
using ChatApis.Vertext;
using ChatApis.Zipchat;
using Microsoft.Extensions.Logging;

namespace ChatApis.Reliability.Tests.Secrets;

/// <summary>One client with its own log capture, on a manual clock shared with its simulator.</summary>
internal sealed class CapturedClient : IAsyncDisposable
{
    private readonly LogCapture _logs = new();
    private readonly ILoggerFactory _factory;

    private CapturedClient(Surface surface, SimulatorHost sim, ManualTimeProvider clock)
    {
        Surface = surface;
        Sim = sim;
        Clock = clock;
        _factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        var settings = new ClientSettings { Time = clock, MaxRetries = 0 };
        var baseAddress = surface.ApiBase(sim);
        Client = surface switch
        {
            Surfaces.AssistLoopSurfaceDefinition assistLoop => new AssistLoopClient(assistLoop.Options(baseAddress, settings), clock, _factory),
            Surfaces.ZipchatSurface => new ZipchatClient(Apply(new ZipchatClientOptions { ApiKey = ZipchatSimulator.ApiKey, ChatId = ZipchatSimulator.ChatId, BaseAddress = baseAddress }, settings), clock, _factory),
            Surfaces.ChattingSurface => new ChattingClient(Apply(new ChattingClientOptions { ApiKey = ChattingSimulator.ApiKey, BaseAddress = baseAddress }, settings), clock, _factory),
            _ => new VertextClient(Apply(new VertextClientOptions { AccessToken = VertextSimulator.AccessToken, BaseAddress = baseAddress }, settings), clock, _factory),
        };
    }

    public Surface Surface { get; }

    public SimulatorHost Sim { get; }

    public ManualTimeProvider Clock { get; }

    public ChatApiClient Client { get; }

    public AssistLoopClient AssistLoop => (AssistLoopClient)Client;

    /// <summary>Every log line this client wrote so far.</summary>
    public IReadOnlyCollection<string> LogLines => _logs.Lines;

    public static async Task<CapturedClient> StartAsync(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        var clock = new ManualTimeProvider();
        var sim = surface.CreateSimulator(clock);
        await sim.StartAsync(TestContext.Current.CancellationToken);
        return new CapturedClient(surface, sim, clock);
    }

    /// <summary>Runs the call, which must fail with a ChatApiException, and checks no text of it or of the logs holds a secret.</summary>
    public async Task<ChatApiException> FailsWithoutLeakingAsync(Func<Task<object?>> call, params string[] secrets)
    {
        var (_, error) = await Bounded.RunAsync(call);
        var failure = Assert.IsAssignableFrom<ChatApiException>(error);
        var texts = new[] { ("Message", failure.Message), ("ToString()", failure.ToString()), ("RawBody", failure.RawBody), ("ErrorCode", failure.ErrorCode), ("RequestId", failure.RequestId) }
            .Concat(_logs.Lines.Select(l => ("log", (string?)l)))
            .ToList();
        foreach (var secret in secrets)
        {
            SecretSink.Secret(secret);
            foreach (var (where, text) in texts)
            {
                Assert.False(text?.Contains(secret, StringComparison.Ordinal) ?? false, $"The credential leaked into {where}: {text}");
            }
        }

        Assert.Contains(SecretRedactor.Mask, failure.RawBody, StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Lines);
        Counts.Add("secrets: server-echoed credentials redacted");
        return failure;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _factory.Dispose();
        await Sim.DisposeAsync();
    }

    private static T Apply<T>(T options, ClientSettings settings)
        where T : ChatApiClientOptions
    {
        settings.ApplyTo(options);
        return options;
    }
}

/// <summary>Every log line a captured client wrote, with its structured values.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var line = $"{logLevel} {category}: {formatter(state, exception)} {{{values}}} {exception}";
            owner.Lines.Enqueue(line);
            SecretSink.ObserveText(line);
        }
    }
}
