namespace Linli.Web.Features.Notifications;

/// <summary>Which kind of SMS gateway Linli talks to.</summary>
public enum SmsProvider
{
    /// <summary>SMS is off; SMS messages wait in the outbox.</summary>
    None,

    /// <summary>A Chinese SMS cloud API in the Aliyun/Tencent shape: sign name, template code and parameters, signed request.</summary>
    Cloud,

    /// <summary>A generic JSON webhook: POST {to, text, id} with an HMAC signature header.</summary>
    Webhook,
}

/// <summary>The SMS gateway (<c>Notifications:Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    public SmsProvider Provider { get; set; }
    public string? Url { get; set; }

    /// <summary>Cloud: the access key id sent with each request; its secret signs the request.</summary>
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }

    /// <summary>Cloud: the approved signature (签名) and the template whose one parameter <c>text</c> carries the message.</summary>
    public string? SignName { get; set; }
    public string? TemplateCode { get; set; }

    /// <summary>Cloud: the response's <c>Code</c> that means accepted (Aliyun answers "OK").</summary>
    public string SuccessCode { get; set; } = "OK";

    /// <summary>Webhook: the secret of the <c>X-Linli-Signature</c> header on outgoing messages.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret the gateway signs inbound replies (STOP, 退订, TD) with; inbound replies are refused without it.</summary>
    public string? InboundSecret { get; set; }

    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured => Provider != SmsProvider.None;

    public static bool IsValid(SmsOptions o) => o.Provider switch
    {
        SmsProvider.None => true,
        SmsProvider.Cloud => Uri.TryCreate(o.Url, UriKind.Absolute, out _) && o.TimeoutSeconds > 0 && !string.IsNullOrEmpty(o.AccessKeyId)
            && !string.IsNullOrEmpty(o.AccessKeySecret) && !string.IsNullOrEmpty(o.SignName) && !string.IsNullOrEmpty(o.TemplateCode),
        _ => Uri.TryCreate(o.Url, UriKind.Absolute, out _) && o.TimeoutSeconds > 0 && !string.IsNullOrEmpty(o.WebhookSecret),
    };
}

/// <summary>WeCom (企业微信) group robots by name (<c>Notifications:WeCom:Robots:{name}:Url</c>).</summary>
public sealed class WeComOptions
{
    public const string Section = "Notifications:WeCom";

    public Dictionary<string, WeComRobot> Robots { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public int TimeoutSeconds { get; set; } = 10;

    public static bool IsValid(WeComOptions o) =>
        o.TimeoutSeconds > 0 && o.Robots.All(r => r.Key.Length <= 60 && Uri.TryCreate(r.Value.Url, UriKind.Absolute, out _));
}

public sealed class WeComRobot
{
    public string? Url { get; set; }
}
