using OtpNet;

namespace Linli.Tests.Infrastructure;

/// <summary>What an authenticator app would show for a shared key, computed independently of Identity.</summary>
public static class Totp
{
    public static string Now(string sharedKey) => new OtpNet.Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp(DateTime.UtcNow);
}
