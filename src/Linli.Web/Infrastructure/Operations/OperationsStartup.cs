using Microsoft.AspNetCore.DataProtection;

namespace Linli.Web.Infrastructure.Operations;

public static class OperationsStartup
{
    /// <summary>
    /// Makes the Data Protection key now (at `-- migrate` or the first start), not at the first sign-in, so instances
    /// started together find one key in the database instead of each making its own.
    /// </summary>
    public static void EnsureKeyRing(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Linli.KeyRing").Protect("ready"u8.ToArray());
}
