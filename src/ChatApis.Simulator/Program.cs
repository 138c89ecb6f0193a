// chatapis-simulator: the AssistLoop, Zipchat, Chatting and Vertext simulators as one standalone server.
using System.CommandLine;
using ChatApis.Simulator;

var port = new Option<int>("--port", "-p")
{
    Description = "The first port: AssistLoop listens on it, Zipchat on +1, Chatting on +2, Vertext on +3. 0 picks free ports.",
    DefaultValueFactory = _ => 5080,
};
var duration = new Option<int?>("--duration")
{
    Description = "Stop by itself after this many seconds (for scripts); by default run until Ctrl+C.",
};
var root = new RootCommand($"""
    Serves simulators of the AssistLoop (Zapier and Make surfaces, with OAuth), Zipchat, Chatting and Vertext APIs
    on 127.0.0.1, seeded with the vendors' documented examples, for curl, Postman or a program in any language.

    {Banner.Routes}
    {Banner.Credentials}
    """)
{
    port,
    duration,
};

root.SetAction(async (result, cancellationToken) =>
{
    var first = result.GetValue(port);
    if (first is < 0 or > 65532)
    {
        Console.Error.WriteLine($"--port must be between 0 and 65532 (was {first}).");
        return 2;
    }

    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    if (result.GetValue(duration) is { } seconds)
    {
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
    }

    await using var simulators = await SimulatorSet.StartAsync(first, stop.Token);
    Console.WriteLine(Banner.Started(simulators));
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping.");
    }

    return 0;
});

return await root.Parse(args).InvokeAsync();
