using MailKit.Security;
using MimeKit;

namespace Linli.Web.Features.Notifications;

/// <summary>The mail server email notifications go through. Email is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>邻里 Linli &lt;noreply@example.org&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>MailKit's choice of TLS: Auto (TLS on connect for port 465, STARTTLS when offered otherwise), None, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.Auto;

    public string? User { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static bool IsValid(SmtpOptions o) =>
        !o.IsConfigured || (o.Port is > 0 and <= 65535 && o.TimeoutSeconds > 0 && MailboxAddress.TryParse(o.From, out _) && (o.User is null) == (o.Password is null));
}
