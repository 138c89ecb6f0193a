namespace ChatApis.Contract.Tests.Coverage;

/// <summary>The five documented API surfaces.</summary>
public enum Surface
{
    AssistLoopZapier,
    AssistLoopMake,
    Zipchat,
    Chatting,
    Vertext,
}
