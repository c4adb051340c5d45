using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Infrastructure;

public static class TestClock
{
    /// <summary>
    /// A fake clock that starts at the real time, on a whole second: PostgreSQL keeps microseconds, so stored times then
    /// compare exactly, and sign-in cookies issued on it are not already expired for the test's HTTP client.
    /// </summary>
    public static FakeTimeProvider StartingNow() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
}
