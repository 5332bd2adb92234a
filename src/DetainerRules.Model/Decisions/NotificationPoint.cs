namespace DetainerRules.Model.Decisions;

/// <summary>When ICE is told about the person.</summary>
public enum NotificationPoint
{
    Booking,
    Release,
}
