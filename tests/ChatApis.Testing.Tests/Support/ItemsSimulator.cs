using System.Text;
using ChatApis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Testing.Tests.Support;

/// <summary>A tiny simulator whose POST has a visible side effect, so tests can tell whether an endpoint ran.</summary>
public sealed class ItemsSimulator(SimulatorHostOptions? options = null) : SimulatorHost(options)
{
    public const string ItemsJson = """{"items":[{"id":"itm_1","name":"first"}]}""";
    public const string StreamedBody = "part-one|part-two";

    private int _created;
    private string? _lastPostedBody;

    /// <summary>Completing it lets GET /gated finish its response.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times POST /items ran.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>The body the POST endpoint itself read (after the journal had read it).</summary>
    public string? LastPostedBody => Volatile.Read(ref _lastPostedBody);

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddSingleton(new Greeting("hello from DI"));

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/items", () => Json(ItemsJson));
        routes.MapGet("/short", () => Json("""{"ok":1}"""));
        routes.MapPost("/items", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            Volatile.Write(ref _lastPostedBody, body);
            var id = Interlocked.Increment(ref _created);
            return Json($$"""{"id":"itm_{{id}}"}""", 201);
        });

        // Starts the response and flushes through the pipe writer, as streaming endpoints do, to prove
        // that response-side faults still keep every byte off the wire.
        routes.MapGet("/stream", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.BodyWriter.WriteAsync("part-one|"u8.ToArray(), context.RequestAborted);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
            await context.Response.BodyWriter.WriteAsync("part-two"u8.ToArray(), context.RequestAborted);
        });

        routes.MapGet("/gated", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("first", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Gate.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("second", context.RequestAborted);
        });

        routes.MapGet("/greeting", (Greeting greeting) => Json($$"""{"text":"{{greeting.Text}}"}"""));
    }

    public sealed record Greeting(string Text);
}
