using System.Collections.Concurrent;

namespace Linli.Web.Features.People;

/// <summary>Delivers a one-time code to a phone or email. Real SMS and email senders plug in here.</summary>
public interface IOneTimeCodeSender
{
    bool IsAvailable { get; }

    Task SendAsync(string destination, string message, CancellationToken cancellationToken);
}

public sealed record DevOutboxMessage(DateTimeOffset At, string Destination, string Message);

/// <summary>
/// The development sender: keeps the last messages in memory and shows them on the developer outbox page instead of
/// sending them. Never registered outside Development unless configured explicitly.
/// </summary>
public sealed class DevOutbox(TimeProvider clock) : IOneTimeCodeSender
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<DevOutboxMessage> _messages = new();

    public bool IsAvailable => true;

    public IReadOnlyList<DevOutboxMessage> Messages => [.. _messages.Reverse()];

    public Task SendAsync(string destination, string message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(new DevOutboxMessage(clock.GetUtcNow(), destination, message));
        while (_messages.Count > Capacity)
        {
            _messages.TryDequeue(out _);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Used when no sender is configured: sign-up by code is refused clearly instead of pretending to send.</summary>
public sealed class NoCodeSender : IOneTimeCodeSender
{
    public bool IsAvailable => false;

    public Task SendAsync(string destination, string message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No one-time code sender is configured.");
}
