using System.ComponentModel.DataAnnotations;

namespace Linli.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Load the demo street into an empty database on start.</summary>
    public bool SeedDemoWhenEmpty { get; set; } = true;
}
