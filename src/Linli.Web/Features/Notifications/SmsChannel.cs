using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// SMS through the configured gateway. Each request carries the outbox id (<c>OutId</c> / <c>id</c> and an
/// <c>Idempotency-Key</c> header), so a gateway that sees a retry of a message it already took can recognise it.
/// </summary>
public sealed class SmsChannel(IHttpClientFactory http, IOptions<SmsOptions> options, TimeProvider clock) : INotificationChannel
{
    public const string HttpClientName = "linli-sms";

    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = http.CreateClient(HttpClientName);
        using var request = o.Provider == SmsProvider.Cloud ? CloudSms.Request(message, o, clock.GetUtcNow()) : WebhookSms.Request(message, o);
        request.Headers.Add("Idempotency-Key", IdempotencyKey(message));
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {Short(body)}");
        }

        if (o.Provider == SmsProvider.Cloud)
        {
            CloudSms.EnsureAccepted(body, o);
        }
    }

    public static string IdempotencyKey(OutboxMessage message) => string.Create(CultureInfo.InvariantCulture, $"linli-outbox-{message.Id}");

    /// <summary>The text of an SMS: the subject in brackets, then the body (which already carries the links).</summary>
    public static string Text(OutboxMessage message) => $"【{message.Subject}】{message.Body}";

    internal static string Short(string text) => text.Length > 200 ? text[..200] : text;
}

/// <summary>
/// The request shape of the common Chinese SMS clouds (Aliyun RPC style): form parameters with the phone, sign name,
/// template code and template parameters as JSON, the access key id, a timestamp and a nonce, signed with HMAC-SHA256
/// over the canonical request (sorted, percent-encoded parameters) with the access key secret.
/// </summary>
public static class CloudSms
{
    public static HttpRequestMessage Request(OutboxMessage message, SmsOptions o, DateTimeOffset now)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = o.AccessKeyId!,
            ["Action"] = "SendSms",
            ["OutId"] = message.Id.ToString(CultureInfo.InvariantCulture),
            ["PhoneNumbers"] = message.Recipient,
            ["SignName"] = o.SignName!,
            ["SignatureMethod"] = "HMAC-SHA256",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["TemplateCode"] = o.TemplateCode!,
            ["TemplateParam"] = JsonSerializer.Serialize(new { text = SmsChannel.Text(message) }),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        parameters["Signature"] = Signature(parameters, o.AccessKeySecret!);
        return new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = new FormUrlEncodedContent(parameters) };
    }

    /// <summary>Base64 HMAC-SHA256 of <c>POST&amp;%2F&amp;</c> + the encoded canonical query (every parameter but Signature).</summary>
    public static string Signature(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var canonical = string.Join('&', parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var toSign = "POST&" + Encode("/") + "&" + Encode(canonical);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>RFC 3986 percent-encoding, as the clouds sign it.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    public static void EnsureAccepted(string body, SmsOptions o)
    {
        string? code = null;
        string? text = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = json.RootElement.TryGetProperty("Code", out var c) ? c.ToString() : null;
            text = json.RootElement.TryGetProperty("Message", out var m) ? m.ToString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: refused below.
        }

        if (code != o.SuccessCode)
        {
            throw new InvalidOperationException($"SMS cloud refused the message: {code ?? "no code"} {SmsChannel.Short(text ?? body)}");
        }
    }
}

/// <summary>A generic JSON webhook: POST {to, text, id}, signed in <c>X-Linli-Signature: sha256=HEX</c> over the body.</summary>
public static class WebhookSms
{
    public const string SignatureHeader = "X-Linli-Signature";

    public static HttpRequestMessage Request(OutboxMessage message, SmsOptions o)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { to = message.Recipient, text = SmsChannel.Text(message), id = SmsChannel.IdempotencyKey(message) });
        var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(body, o.WebhookSecret!));
        return request;
    }

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(byte[] body, string? header, string? secret) =>
        !string.IsNullOrEmpty(secret) && header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header.Trim()));
}
