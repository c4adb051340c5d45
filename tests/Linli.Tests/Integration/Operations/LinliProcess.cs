using System.Diagnostics;
using System.Text;

namespace Linli.Tests.Integration.Operations;

/// <summary>A real `dotnet Linli.Web.dll` process, built with the tests (it sits beside them), on a port of its own.</summary>
public sealed class LinliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LinliProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Linli.Web.dll");

    public static LinliProcess Start(int port, IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var linli = new LinliProcess(process, port);
        process.OutputDataReceived += (_, e) => linli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => linli.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return linli;
    }

    /// <summary>Runs a command (`migrate`) to its end; fails with its output when it fails.</summary>
    public static async Task RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        await using var command = Start(0, environment, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await command._process.WaitForExitAsync(timeout.Token);
        Assert.True(command._process.ExitCode == 0, $"Linli.Web {string.Join(' ', arguments)} failed: {command.Output}");
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < until)
        {
            Assert.False(_process.HasExited, $"instance on {Port} exited: {Output}");
            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"instance on {Port} was not ready in {timeout} (last: {last}): {Output[..Math.Min(Output.Length, 3000)]}");
    }

    /// <summary>SIGKILL: no shutdown, no lease released, requests in flight cut.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
