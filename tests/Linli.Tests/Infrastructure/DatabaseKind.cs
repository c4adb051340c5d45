using System.Reflection;
using Xunit.Sdk;

namespace Linli.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>Runs the theory once on SQLite and once on PostgreSQL: every integration test covers both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseKind.Sqlite], [DatabaseKind.Postgres]];
}
