using System.Security.Cryptography;
using System.Text;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

public enum CodeCheck
{
    Valid,
    WrongOrExpired,
    TooManyAttempts,
}

/// <summary>Issues and checks six-digit codes; only salted hashes are stored, codes expire and allow few attempts.</summary>
public sealed class OneTimeCodes(LinliDb db, IOneTimeCodeSender sender, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public const int MaxPerHour = 5;

    public bool CanSend => sender.IsAvailable;

    /// <summary>Returns false when the destination has asked for too many codes in the last hour.</summary>
    public async Task<bool> IssueAsync(string destination, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        if (await db.OneTimeCodes.CountAsync(c => c.Destination == destination && c.CreatedAt > hourAgo, cancellationToken) >= MaxPerHour)
        {
            return false;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.OneTimeCodes.Add(new OneTimeCode { Destination = destination, CodeHash = Hash(destination, code), CreatedAt = now, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        await sender.SendAsync(destination, $"邻里 Linli 验证码 / code: {code} (10 min)", cancellationToken);
        return true;
    }

    public async Task<CodeCheck> ConsumeAsync(string destination, string? code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var latest = await db.OneTimeCodes
            .Where(c => c.Destination == destination && c.ConsumedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return CodeCheck.WrongOrExpired;
        }

        if (latest.FailedAttempts >= MaxAttempts)
        {
            return CodeCheck.TooManyAttempts;
        }

        var matches = code is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(latest.CodeHash), Encoding.ASCII.GetBytes(Hash(destination, code.Trim())));
        if (matches)
        {
            latest.ConsumedAt = now;
        }
        else
        {
            latest.FailedAttempts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return matches ? CodeCheck.Valid : CodeCheck.WrongOrExpired;
    }

    private static string Hash(string destination, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(destination + "\n" + code)));
}
