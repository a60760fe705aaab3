package com.callaudit.ui.player;

/**
 * Which side of a dual-channel recording to hear. In such a recording each leg of the
 * call has its own channel; the player silences the other one with the balance control.
 */
public enum ChannelChoice {
    BOTH("Both legs", 0),
    LEFT("Leg A only (left)", -1),
    RIGHT("Leg B only (right)", 1);

    private final String label;
    private final double balance;

    ChannelChoice(String label, double balance) {
        this.label = label;
        this.balance = balance;
    }

    /** MediaPlayer's balance for this choice: -1 is left only, 1 right only. */
    public double balance() {
        return balance;
    }

    @Override
    public String toString() {
        return label;
    }
}
