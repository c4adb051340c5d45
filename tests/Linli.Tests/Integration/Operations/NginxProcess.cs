using Linli.Tests.Infrastructure;
using System.Diagnostics;
using System.Globalization;

namespace Linli.Tests.Integration.Operations;

/// <summary>
/// A throwaway nginx (the Debian package's binary) in front of the given ports, with its own config, pid file, logs and
/// temp folders in a temporary directory, on a free port; the upstream block mirrors deploy/nginx/linli.conf.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public static async Task<NginxProcess> StartAsync(IEnumerable<int> upstreams)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is missing: apt-get install -y nginx (.ci/run does)");
        var folder = Path.Combine(Path.GetTempPath(), "linli-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = LoopbackPorts.Free();
        var servers = string.Concat(upstreams.Select(p => string.Create(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;\n")));
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream linli {
            {{servers}}    keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 20m;
                    proxy_next_upstream error timeout http_502 http_503;
                    proxy_next_upstream_tries 3;
                    proxy_connect_timeout 1s;
                    location / {
                        proxy_pass http://linli;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        var server = new NginxProcess(process, folder, port);
        if (await LoopbackPorts.WaitUntilListeningAsync(port, () => !process.HasExited))
        {
            return server;
        }

        Assert.False(process.HasExited, $"nginx exited: {await process.StandardError.ReadToEndAsync()} {server.ErrorLog}");
        throw new InvalidOperationException("nginx did not start: " + server.ErrorLog);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}
