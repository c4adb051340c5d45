using Linli.Web.Data;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Rates.Rollups;
using Linli.Web.Features.Tree.Import;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Infrastructure;

/// <summary>
/// `dotnet run --project src/Linli.Web -- seed city|street`, `-- import FILE`, `-- migrate`, `-- backup FILE`,
/// `-- restore FILE`, `-- rollups rebuild`: the same host and services as the web app, run once, with progress on the console.
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (command is not ("seed" or "import" or "migrate" or "backup" or "restore" or "rollups"))
        {
            return false;
        }

        var rest = args.SkipWhile(a => a != command).Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (command is "backup" or "restore")
        {
            // Not migrated first: a restore needs the database empty, and a backup copies the database as it is.
            return await BackupOrRestoreAsync(app.Configuration, command, rest.FirstOrDefault());
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        await db.Database.MigrateAsync();
        OperationsStartup.EnsureKeyRing(app.Services);
        var progress = new ConsoleProgress();
        try
        {
            switch (command)
            {
                case "seed":
                    await DemoSeeder.SeedAsync(rest.FirstOrDefault() ?? "street", scope.ServiceProvider, progress, CancellationToken.None);
                    break;
                case "import":
                    await ImportAsync(rest.FirstOrDefault(), scope.ServiceProvider, progress);
                    break;
                case "rollups" when rest.FirstOrDefault() == "rebuild":
                    await RollupRebuild.RebuildAsync(db, CancellationToken.None);
                    Console.WriteLine("Rebuilt the case roll-ups from the cases.");
                    break;
                case "rollups":
                    Console.Error.WriteLine("usage: rollups rebuild");
                    Environment.ExitCode = 2;
                    break;
            }
        }
        catch (ImportRejectedException rejected)
        {
            Console.Error.WriteLine(rejected.Message);
            foreach (var problem in rejected.Problems.Take(200))
            {
                Console.Error.WriteLine($"  {rejected.PositionName} {problem.Position}: {problem.Field}: {problem.Message}");
            }

            Environment.ExitCode = 1;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }

    private static async Task<bool> BackupOrRestoreAsync(IConfiguration configuration, string command, string? file)
    {
        try
        {
            if (file is null)
            {
                throw new InvalidOperationException($"usage: {command} FILE");
            }

            await (command == "backup" ? Backups.BackupAsync(configuration, file, CancellationToken.None) : Backups.RestoreAsync(configuration, file, CancellationToken.None));
            Console.WriteLine(command == "backup" ? $"Backed up to {file}" : $"Restored from {file}");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }

    private static async Task ImportAsync(string? file, IServiceProvider services, IProgress<ImportProgress> progress)
    {
        if (file is null || !File.Exists(file))
        {
            throw new InvalidOperationException("usage: import FILE.geojson|FILE.csv (the file must exist)");
        }

        await using var stream = File.OpenRead(file);
        var csv = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var features = csv ? CsvTreeReader.Read(stream) : GeoJsonTreeReader.Read(stream);
        var importer = services.GetRequiredService<TreeImporter>();
        var result = await importer.ImportAsync(features, csv ? CsvTreeReader.PositionName : GeoJsonTreeReader.PositionName, _ => true, progress);
        Console.WriteLine($"Imported {result.Imported} nodes: {string.Join(", ", result.ByKind.Select(k => $"{k.Value} {k.Key}"))}");
    }

    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        private string? _lastLine;

        public void Report(ImportProgress value)
        {
            var line = $"{value.Stage}: {value.Done:N0}/{value.Total:N0}";
            if (line != _lastLine)
            {
                Console.WriteLine(line);
                _lastLine = line;
            }
        }
    }
}
