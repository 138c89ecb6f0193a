// Checks the packed ChatApis packages (run by scripts/package-smoke.sh as a file-based app):
//   dotnet run check-packages.cs -- <artifacts dir> <version> <Directory.Packages.props> <commit> <sourcelink: required|report> <library id>...
// (the library ids: every src project but the tool, as package-smoke.sh lists them). For each library, the
// simulator tool and their .snupkg: README, MIT license expression, XML docs, repository commit,
// dependencies (ChatApis.* at this version, everything else at the centrally pinned version), the tool layout,
// no stray files, and the SourceLink map in every PDB. Exit code 0 when all hold; every problem is printed.
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

if (args.Length < 6)
{
    Console.Error.WriteLine("usage: check-packages.cs <artifacts dir> <version> <Directory.Packages.props> <commit> <required|report> <library id>...");
    return 2;
}

var (artifacts, version, packagesProps, commit, sourceLinkRequired) = (args[0], args[1], args[2], args[3], args[4] == "required");
string[] libraries = args[5..];
const string Tool = "ChatApis.Simulator";
const string ToolCommand = "chatapis-simulator";
var expected = libraries.Append(Tool).ToArray();

var pinned = XDocument.Load(packagesProps).Descendants("PackageVersion")
    .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
var problems = new List<string>();

var found = Directory.GetFiles(artifacts).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
var wanted = expected.SelectMany(id => new[] { $"{id}.{version}.nupkg", $"{id}.{version}.snupkg" }).Order(StringComparer.Ordinal).ToList();
foreach (var extra in found.Except(wanted))
{
    problems.Add($"unexpected file in the artifacts folder: {extra}");
}

foreach (var id in expected)
{
    var nupkg = Path.Combine(artifacts, $"{id}.{version}.nupkg");
    var snupkg = Path.Combine(artifacts, $"{id}.{version}.snupkg");
    if (!File.Exists(nupkg) || !File.Exists(snupkg))
    {
        problems.Add($"{id}: {(File.Exists(nupkg) ? "" : Path.GetFileName(nupkg) + " ")}{(File.Exists(snupkg) ? "" : Path.GetFileName(snupkg))} missing");
        continue;
    }

    var isTool = id == Tool;
    var folder = isTool ? "tools/net10.0/any/" : "lib/net10.0/";
    var notes = new List<string>();
    void Problem(string what) => problems.Add($"{id}: {what}");

    using (var package = ZipFile.OpenRead(nupkg))
    {
        var files = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Meta(string name) => (string?)metadata.Element(ns + name);

        if (Meta("id") != id || Meta("version") != version)
        {
            Problem($"nuspec says {Meta("id")} {Meta("version")}");
        }

        if (string.IsNullOrWhiteSpace(Meta("description")))
        {
            Problem("no description");
        }

        if (Meta("readme") != "README.md" || !files.Contains("README.md"))
        {
            Problem("README.md is not the package readme");
        }

        var license = metadata.Element(ns + "license");
        if ((string?)license?.Attribute("type") != "expression" || license?.Value != "MIT")
        {
            Problem("license is not the expression MIT");
        }

        var repository = metadata.Element(ns + "repository");
        if ((string?)repository?.Attribute("type") != "git" || string.IsNullOrEmpty((string?)repository?.Attribute("url")) || (string?)repository?.Attribute("commit") != commit)
        {
            Problem($"repository is {repository?.ToString(SaveOptions.DisableFormatting) ?? "missing"}, expected git at commit {commit}");
        }

        // A library is named like its package; the tool's assembly is named like its command.
        var assembly = isTool ? ToolCommand : id;
        foreach (var required in new[] { $"{folder}{assembly}.dll", $"{folder}{assembly}.xml" })
        {
            if (!files.Contains(required))
            {
                Problem($"{required} missing");
            }
        }

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!)).ToList();
        foreach (var (dependency, range) in dependencies)
        {
            var want = dependency.StartsWith("ChatApis.", StringComparison.Ordinal) ? version : pinned.GetValueOrDefault(dependency);
            if (want is null || range != want)
            {
                Problem($"dependency {dependency} {range}, expected {want ?? "no such dependency (not pinned centrally)"}");
            }
        }

        if (isTool)
        {
            var type = metadata.Descendants(ns + "packageType").Select(p => (string?)p.Attribute("name")).FirstOrDefault();
            var settings = package.GetEntry($"{folder}DotnetToolSettings.xml");
            var command = settings is null ? null : XDocument.Load(settings.Open()).Descendants("Command").FirstOrDefault();
            if (type != "DotnetTool" || (string?)command?.Attribute("Name") != ToolCommand || (string?)command?.Attribute("EntryPoint") != $"{ToolCommand}.dll"
                || !files.Contains($"{folder}{ToolCommand}.runtimeconfig.json"))
            {
                Problem($"not a .NET tool package with the command {ToolCommand} (DotnetTool type, DotnetToolSettings.xml, runtimeconfig)");
            }

            if (dependencies.Count > 0)
            {
                Problem("a tool package must carry its dependencies inside, not declare them");
            }
        }
        else
        {
            var stray = files.Where(f => !f.StartsWith("package/", StringComparison.Ordinal) && !f.StartsWith("_rels/", StringComparison.Ordinal)
                && f is not "[Content_Types].xml" and not "README.md" && f != $"{id}.nuspec" && f != $"{folder}{id}.dll" && f != $"{folder}{id}.xml").ToList();
            if (stray.Count > 0)
            {
                Problem($"unexpected files: {string.Join(", ", stray)}");
            }

            if ((id is "ChatApis.Testing" or "ChatApis.AspNetCore") != metadata.Descendants(ns + "frameworkReference").Any(f => (string?)f.Attribute("name") == "Microsoft.AspNetCore.App"))
            {
                Problem("only ChatApis.Testing and ChatApis.AspNetCore should reference the ASP.NET Core shared framework");
            }

            if (id is not "ChatApis.Core" and not "ChatApis.Testing" && !dependencies.Any(d => d.Item1 == "ChatApis.Core"))
            {
                Problem("does not depend on ChatApis.Core");
            }
        }

        notes.Add(dependencies.Count == 0 ? "no dependencies" : "depends on " + string.Join(", ", dependencies.Select(d => $"{d.Item1} {d.Item2}")));
    }

    using (var symbols = ZipFile.OpenRead(snupkg))
    {
        var pdbs = symbols.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
        var symbolFile = $"{folder}{(isTool ? ToolCommand : id)}.pdb";
        if (!pdbs.Any(p => p.FullName == symbolFile))
        {
            Problem($"{symbolFile} missing from the .snupkg");
        }

        foreach (var pdb in pdbs)
        {
            var (sourceLink, embedded) = ReadPdb(pdb);
            if (sourceLink is null)
            {
                if (sourceLinkRequired)
                {
                    Problem($"{pdb.FullName} has no SourceLink map");
                }

                notes.Add($"{Path.GetFileName(pdb.FullName)}: no SourceLink map, {embedded} generated files embedded");
            }
            else
            {
                notes.Add($"{Path.GetFileName(pdb.FullName)}: SourceLink {sourceLink}, {embedded} generated files embedded");
            }
        }
    }

    Console.WriteLine($"{id} {version}: {new FileInfo(nupkg).Length / 1024} KB + symbols {new FileInfo(snupkg).Length / 1024} KB");
    foreach (var note in notes)
    {
        Console.WriteLine($"    {note}");
    }
}

foreach (var problem in problems)
{
    Console.WriteLine($"PROBLEM: {problem}");
}

return problems.Count == 0 ? 0 : 1;

// The SourceLink JSON and the number of embedded source files of a portable PDB.
static (string? SourceLink, int Embedded) ReadPdb(ZipArchiveEntry entry)
{
    var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    var embeddedSourceKind = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    using var bytes = new MemoryStream();
    using (var stream = entry.Open())
    {
        stream.CopyTo(bytes);
    }

    bytes.Position = 0;
    using var provider = MetadataReaderProvider.FromPortablePdbStream(bytes);
    var reader = provider.GetMetadataReader();
    string? sourceLink = null;
    var embedded = 0;
    foreach (var handle in reader.CustomDebugInformation)
    {
        var information = reader.GetCustomDebugInformation(handle);
        var kind = reader.GetGuid(information.Kind);
        if (kind == sourceLinkKind)
        {
            sourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)).ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal);
        }
        else if (kind == embeddedSourceKind)
        {
            embedded++;
        }
    }

    return (sourceLink, embedded);
}
