// chatapis-simulator: the simulator of every vendor in ChatApis.Testing's VendorCatalog as one standalone server.
using System.CommandLine;
using ChatApis.Simulator;
using ChatApis.Testing;
using ChatApis.Testing.Catalog;

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
var seed = new Option<string>("--seed")
{
    Description = $"The data to serve: 'docs' (the documents' examples only), 'demo' (what the QuickStart shows: "
        + $"{5 + SimulatorSeed.Demo.ZipchatConversations} Zipchat conversations, {SimulatorSeed.Demo.VertextContacts} contacts on Vertext's Demo chatbot) "
        + "or a number n (n generated Zipchat conversations and n Vertext contacts on top of the examples).",
    DefaultValueFactory = _ => SimulatorSeed.Documents.Name,
};
var faults = new Option<string[]>("--fault")
{
    Description = $"Queue a fault (repeatable) as {VendorFault.Syntax}: FAULT one of {FaultSpec.Kinds}; xCOUNT how many matching requests get it "
        + "(a number, or * for all; 1 by default); @[METHOD ]PATH which ones (a trailing * makes PATH a prefix; all by default). "
        + "E.g. zipchat:503x2 (the next two Zipchat requests answer 503), 'vertext:429=1x*@GET /chatbots/list' (every chatbot list answers 429 with Retry-After: 1). "
        + "While running, POST the same spec without the vendor to /_admin/faults on the vendor's port (curl -d 503x2 ...); GET lists the rules, DELETE removes them.",
};
var root = new RootCommand($"""
    Serves simulators of the {Banner.Vendors} APIs
    on 127.0.0.1, seeded with the vendors' documented examples, for curl, Postman or a program in any language.
    A request no route matches answers 404 with a JSON list of the routes (method and path template per surface).

    {Banner.Routes}
    {Banner.Credentials}
    """)
{
    port,
    duration,
    settingsFile,
    seed,
    faults,
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

    SimulatorSeed data;
    List<VendorFault> queued;
    try
    {
        data = SimulatorSeed.Parse(result.GetValue(seed) ?? SimulatorSeed.Documents.Name);
        queued = [.. (result.GetValue(faults) ?? []).Select(VendorFault.Parse)];
    }
    catch (ArgumentException e)
    {
        // The message names the option and the syntax; the parameter name ArgumentException appends means nothing here.
        Console.Error.WriteLine(e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        return 2;
    }

    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    await using var simulators = await SimulatorSet.StartAsync(first, data, queued, stop.Token);
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
