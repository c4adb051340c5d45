using System.Globalization;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// Email over SMTP with MailKit. One instance serves one delivery pass: it connects on the first message, reuses the
/// connection for the rest, and after a failed connect fails the pass's remaining messages at once rather than waiting
/// for the same timeout again.
/// </summary>
public sealed class SmtpEmailChannel(IOptions<SmtpOptions> options) : INotificationChannel, IAsyncDisposable
{
    private SmtpClient? _client;
    private string? _connectFailure;

    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mime = Compose(message, options.Value);
        var client = await ConnectedAsync(cancellationToken);
        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch
        {
            // The connection's state is unknown after a failure; the next message starts on a fresh one.
            await DropAsync();
            throw;
        }
    }

    public static MimeMessage Compose(OutboxMessage message, SmtpOptions smtp)
    {
        var from = MailboxAddress.Parse(smtp.From ?? throw new InvalidOperationException("Notifications:Smtp:From is not set."));
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },

            // Stable per outbox row, so a mail system that sees a retry of an already delivered message can tell.
            MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox.{message.Id}.{message.CreatedAt.UtcTicks}@{from.Domain}"),
        };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        return mime;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        if (_connectFailure is not null)
        {
            throw new InvalidOperationException($"SMTP server unavailable: {_connectFailure}");
        }

        var smtp = options.Value;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), smtp.Port, smtp.SecureSocketOptions, cancellationToken);
            if (smtp.User is not null)
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            _connectFailure = e.Message;
            throw;
        }

        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: false);
            }
        }
        catch (Exception)
        {
            // Already broken; nothing more to tell the server.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception)
            {
                // The messages are sent; a failed goodbye changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }
}
