using System.Security.Cryptography;
using System.Text;
using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>Client request keys of actions are stored hashed, like the intake's, so the column never holds what a client chose.</summary>
public static class ActionRequestKeys
{
    public const int MaxLength = 100;

    public static string? Hash(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (key.Length > MaxLength)
        {
            throw new DomainRuleException("requestKey", $"requestKey is at most {MaxLength} characters");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));
    }
}
