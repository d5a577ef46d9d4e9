using PeerBot.BotFramework.Schema;

namespace PeerBot.Channels.DirectLine;

/// <summary>One local web chat conversation: its activities in order, in memory only, capped.</summary>
internal sealed class DirectLineConversation(string id, string token, string userId, DateTimeOffset now)
{
    private const int MaxActivities = 500;
    private readonly List<Activity> _activities = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _dropped;

    public string Id { get; } = id;
    public string Token { get; } = token;
    public string UserId { get; } = userId;
    public bool Started { get; set; }
    public DateTimeOffset LastTouched { get; private set; } = now;

    public string Append(Activity activity, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        string id;
        lock (_activities)
        {
            id = $"{Id}|{_dropped + _activities.Count:D7}";
            activity.Id = id;
            activity.Timestamp ??= now;
            _activities.Add(activity);
            if (_activities.Count > MaxActivities)
            {
                _activities.RemoveAt(0);
                _dropped++;
            }
            LastTouched = now;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return id;
    }

    /// <summary>Activities after <paramref name="watermark"/>, the new watermark, and a task that completes on the next append.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark, Task Changed) Since(int watermark, DateTimeOffset now)
    {
        lock (_activities)
        {
            LastTouched = now;
            var total = _dropped + _activities.Count;
            var start = Math.Max(watermark, _dropped) - _dropped;
            return (_activities.Skip(start).ToList(), total, _changed.Task);
        }
    }
}
