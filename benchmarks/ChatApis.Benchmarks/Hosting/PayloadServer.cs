using System.Net;
using ChatApis.Benchmarks.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Hosting;

/// <summary>
/// The <c>--serve</c> mode: Kestrel on 127.0.0.1 (HTTP/1.1, no logging, no routing middleware)
/// answering from a <see cref="PayloadRouter"/> with pre-serialized bodies and a Content-Length.
/// It runs in its own process so the measuring process counts the client's allocations only.
/// </summary>
public static class PayloadServer
{
    /// <summary>The line the server prints once it listens; the base address follows it.</summary>
    public const string ReadyPrefix = "LISTENING ";

    /// <summary>Serves until standard input closes (the parent exited or let go of it).</summary>
    public static async Task<int> RunAsync()
    {
        var router = Vendors.Catalog.BuildRouter();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        await using var app = builder.Build();
        app.Run(context => AnswerAsync(context, router));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.Out.WriteLine(ReadyPrefix + address.TrimEnd('/') + "/");
        Console.Out.Flush();

        // The parent holds our stdin; when it goes away (even killed), the read ends and so do we.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }

    private static async Task AnswerAsync(HttpContext context, PayloadRouter router)
    {
        var request = context.Request;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            // Read the request body as a real server would before answering.
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        var payload = router.Find(request.Method, request.Path.Value ?? "/", request.QueryString.Value);
        var response = context.Response;
        if (payload is not { } answer)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = 0;
            return;
        }

        response.StatusCode = answer.Status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
