using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's <c>python3-aiosmtpd</c> storing what it receives in a maildir, started and
/// stopped by the test. It can be started on a port picked earlier, so a test can point Linli at a server that is down
/// and bring it up later.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly string _maildir;
    private readonly System.Text.StringBuilder _errors = new();
    private Process? _process;

    private SmtpTestServer(int port, string maildir)
    {
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    /// <summary>A server that is not running yet; <see cref="StartAsync"/> brings it up on <see cref="Port"/>.</summary>
    public static SmtpTestServer OnFreePort() =>
        new(LoopbackPorts.Free(), Path.Combine(Path.GetTempPath(), "linli-smtp-" + Guid.NewGuid().ToString("N")[..8]));

    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = OnFreePort();
        await server.StartAsync();
        return server;
    }

    /// <summary>The settings that point Linli's email channel at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:From"] = "邻里 Linli <noreply@linli.test>",
        ["Notifications:Smtp:SecureSocketOptions"] = "None",
        ["Notifications:Smtp:TimeoutSeconds"] = "10",
    };

    public async Task StartAsync()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        _process = Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start python3");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited ({_process.ExitCode}): {Errors} — install the Debian package python3-aiosmtpd (.ci/run does).");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Every message received so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    /// <summary>Polls the mailbox until <paramref name="done"/> holds for what arrived, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> done, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var messages = await MessagesAsync();
            if (done(messages))
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP server had {messages.Count} message(s) after {timeoutSeconds} s, not what the test waited for.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_maildir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

}
