// chatapis-simulator: the simulator of every vendor in ChatApis.Testing's VendorCatalog as one standalone server.
using System.CommandLine;
using ChatApis.Simulator;

var port = new Option<int>("--port", "-p")
{
    Description = $"The first port: {Banner.Ports}. 0 picks free ports.",
    DefaultValueFactory = _ => 5080,
};
var duration = new Option<int?>("--duration")
{
    Description = "Stop by itself this many seconds after listening (for scripts); by default run until Ctrl+C.",
};
var settingsFile = new Option<FileInfo?>("--settings-file")
{
    Description = "Once listening, also write each vendor's client settings to this file as ChatApis__<Vendor>__<Setting>=value lines "
        + "(its first surface's BaseAddress and the seeded credentials), for scripts: the environment variables a ChatApis app binds.",
};
var root = new RootCommand($"""
    Serves simulators of the {Banner.Vendors} APIs
    on 127.0.0.1, seeded with the vendors' documented examples, for curl, Postman or a program in any language.

    {Banner.Routes}
    {Banner.Credentials}
    """)
{
    port,
    duration,
    settingsFile,
};

root.SetAction(async (result, cancellationToken) =>
{
    var first = result.GetValue(port);
    var highest = 65535 - SimulatorSet.LastOffset;
    if (first < 0 || first > highest)
    {
        Console.Error.WriteLine($"--port must be between 0 and {highest} (was {first}).");
        return 2;
    }

    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    await using var simulators = await SimulatorSet.StartAsync(first, stop.Token);
    if (result.GetValue(settingsFile) is { } file)
    {
        await ClientSettingsFile.WriteAsync(file, simulators, stop.Token);
    }

    Console.WriteLine(Banner.Started(simulators));

    // The duration counts from the moment every simulator listens: on a busy machine starting them can take
    // longer than a short --duration, which must not stop the tool before it has served (or printed) anything.
    if (result.GetValue(duration) is { } seconds)
    {
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
    }

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
