namespace Linli.Web.Infrastructure.Jobs;

/// <summary>
/// Names this server instance in leases and outbox claims. A new id per start (and per host in one process, as the
/// tests run several), so a restarted instance never mistakes another's lease for its own.
/// </summary>
public sealed class JobInstance
{
    public string Id { get; } = $"{Host}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    // Leases and claims keep the holder in 100 characters.
    private static string Host => Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName;
}
