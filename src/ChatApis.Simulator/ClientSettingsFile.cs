using System.Text;

namespace ChatApis.Simulator;

/// <summary>
/// The <c>--settings-file</c>: every vendor's client settings as the environment variables a ChatApis app binds
/// (<c>ChatApis__Zipchat__BaseAddress=…</c>), so a script points a program at the simulators without naming a vendor.
/// </summary>
internal static class ClientSettingsFile
{
    public static async Task WriteAsync(FileInfo file, SimulatorSet set, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var (vendor, simulator) in set.Running)
        {
            var prefix = vendor.ConfigurationSection.Replace(":", "__", StringComparison.Ordinal);
            text.Append(prefix).Append("__BaseAddress=").Append(vendor.Surfaces[0].ApiBase(simulator)).Append('\n');
            foreach (var (name, value) in vendor.SeededSettings)
            {
                text.Append(prefix).Append("__").Append(name).Append('=').Append(value).Append('\n');
            }
        }

        // Written beside the target and moved into place, so a script polling for the file never reads half of it.
        var partial = file.FullName + ".partial";
        await File.WriteAllTextAsync(partial, text.ToString(), cancellationToken).ConfigureAwait(false);
        File.Move(partial, file.FullName, overwrite: true);
    }
}
