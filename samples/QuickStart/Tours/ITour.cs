using Microsoft.Extensions.Configuration;

namespace Samples.QuickStart.Tours;

/// <summary>One vendor's part of the QuickStart: it runs against that vendor's simulator unless credentials are configured.</summary>
internal interface ITour
{
    /// <summary>The vendor shown in the summary.</summary>
    string Name { get; }

    /// <summary>Runs the tour and returns one summary row per step.</summary>
    Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken);
}

/// <summary>One line of the summary table.</summary>
internal sealed record TourStep(string Surface, string Step, string Result);

/// <summary>What every tour gets: the configuration (environment variables and user secrets).</summary>
internal sealed record TourContext(IConfiguration Configuration)
{
    /// <summary>The vendor's section, e.g. <c>ChatApis:Zipchat</c> (environment: <c>ChatApis__Zipchat__ApiKey</c>).</summary>
    public IConfigurationSection Section(string vendor) => Configuration.GetSection($"ChatApis:{vendor}");

    /// <summary>Says which API a tour is about to call.</summary>
    public static void Announce(string vendor, Uri? simulator) => Spectre.Console.AnsiConsole.MarkupLine(simulator is null
        ? $"[green]{vendor}: credentials found, calling the REAL API (read-only steps).[/]"
        : $"[grey]{vendor}: no credentials configured, using the built-in simulator at {simulator}[/]");
}
