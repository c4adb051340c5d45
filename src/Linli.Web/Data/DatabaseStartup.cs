using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Linli.Web.Infrastructure.Operations;
using Linli.Web.Features.Rates.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Data;

public static partial class DatabaseStartup
{
    /// <summary>Creates and migrates the database, and on the first start of an empty one loads the demo street.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        await db.Database.MigrateAsync();
        OperationsStartup.EnsureKeyRing(app.Services);
        var ratesLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Linli.Rates");
        if (await RollupRebuild.FillIfMissingAsync(db, CancellationToken.None))
        {
            LogRollupsFilled(ratesLogger);
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Linli.Demo");
        if (options.SeedDemoWhenEmpty && await DemoSeeder.SeedStreetIfEmptyAsync(scope.ServiceProvider, CancellationToken.None))
        {
            LogSeeded(logger);
        }

        // After the demo, so its departments can be linked as handlers.
        await CategoryDefaults.SeedIfEmptyAsync(db, CancellationToken.None);

        if (await db.Users.AnyAsync(u => u.UserName == DemoAccounts.All[0].Login && u.Email == DemoAccounts.All[0].Email))
        {
            var table = string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"  {a.Login,-14} {a.Role,-18} {a.Where}"));
            LogAccounts(logger, DemoAccounts.Password, table);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled the case roll-ups from the cases already stored.")]
    private static partial void LogRollupsFilled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo street (石桥铺街道) into the empty database.")]
    private static partial void LogSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts (password {Password}):\n{Table}")]
    private static partial void LogAccounts(ILogger logger, string password, string table);
}
