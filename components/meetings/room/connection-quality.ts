export type ConnectionQuality = "Good" | "Fair" | "Poor";

export type QualitySample = { rttMs: number | null; packetsLost: number; packetsReceived: number };

/**
 * A hint, not a measurement report: round-trip time of the selected candidate pair and the share of
 * packets lost since the last sample (ITU-T G.114 puts a comfortable one-way delay under 150 ms).
 */
export function gradeConnection(previous: QualitySample | null, current: QualitySample): ConnectionQuality {
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const received = Math.max(0, current.packetsReceived - (previous?.packetsReceived ?? 0));
  const loss = lost + received > 0 ? lost / (lost + received) : 0;
  const rtt = current.rttMs ?? 0;
  if (rtt > 400 || loss > 0.08) return "Poor";
  if (rtt > 150 || loss > 0.02) return "Fair";
  return "Good";
}

/** Reads one sample from a peer connection's stats. */
export async function sampleConnection(pc: RTCPeerConnection): Promise<QualitySample> {
  const report = await pc.getStats();
  let rttMs: number | null = null;
  let packetsLost = 0;
  let packetsReceived = 0;
  let selectedPairId: string | undefined;
  report.forEach((stat: { type: string; [key: string]: unknown }) => {
    if (stat.type === "transport" && typeof stat.selectedCandidatePairId === "string") selectedPairId = stat.selectedCandidatePairId;
  });
  report.forEach((stat: { type: string; id: string; [key: string]: unknown }) => {
    const selected = selectedPairId ? stat.id === selectedPairId : stat.nominated === true && stat.state === "succeeded";
    if (stat.type === "candidate-pair" && selected && typeof stat.currentRoundTripTime === "number") rttMs = stat.currentRoundTripTime * 1000;
    if (stat.type === "inbound-rtp") {
      packetsLost += typeof stat.packetsLost === "number" ? stat.packetsLost : 0;
      packetsReceived += typeof stat.packetsReceived === "number" ? stat.packetsReceived : 0;
    }
  });
  return { rttMs, packetsLost, packetsReceived };
}
