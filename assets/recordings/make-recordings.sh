#!/usr/bin/env bash
# Regenerates the demo space's recordings and catalog.json in this folder.
#
#   bash assets/recordings/make-recordings.sh
#
# Everything is built from Debian packages (see need_pkg below): human prompts
# and hold music from the Asterisk sound packages, synthetic voices from
# espeak-ng, mixing with sox, MP3 encoding with lame. The run is meant to be
# byte-for-byte repeatable: sox runs with -R (fixed seeds) and -D (no dither),
# lame gets fixed options and writes no ID3 tag, and nothing embeds a date.
set -euo pipefail
export LC_ALL=C TZ=UTC

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT_DIR:-$HERE}
SOUNDS=/usr/share/asterisk/sounds/en
MOH=/usr/share/asterisk/moh

# ---------------------------------------------------------------- tooling --
need_pkg() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}
need_pkg asterisk-core-sounds-en-wav asterisk-moh-opsound-wav espeak-ng sox lame coreutils
for c in sox soxi espeak-ng lame date; do
  command -v "$c" >/dev/null || { echo "command not found: $c" >&2; exit 1; }
done

WORK=$(mktemp -d)
[[ -n ${KEEP_WORK:-} ]] || trap 'rm -rf "$WORK"' EXIT

SOX=(sox -R -D -V1)          # repeatable, no dither, errors only
RATE=8000
PCM=(-r "$RATE" -c 1 -b 16 -e signed-integer)

# The two synthetic voices (plus a third for the porting specialist).
VOICE_AGENT="en-us+Annie";  SPEED_AGENT=165; PITCH_AGENT=55
VOICE_CALLER="en-gb+Andy";  SPEED_CALLER=158; PITCH_CALLER=40
VOICE_THIRD="en-us+john";   SPEED_THIRD=160; PITCH_THIRD=35

GAP=0.35   # pause appended after every spoken line

# ---------------------------------------------------------------- pieces --
# Every piece is 8 kHz mono 16-bit PCM so pieces can be concatenated.

speak() { # voice speed pitch filter text out
  local voice=$1 speed=$2 pitch=$3 filter=$4 text=$5 out=$6
  espeak-ng -v "$voice" -s "$speed" -p "$pitch" -w "$WORK/tts.wav" "$text"
  # shellcheck disable=SC2086
  "${SOX[@]}" "$WORK/tts.wav" "${PCM[@]}" "$out" gain -8 $filter norm -3 pad 0 "$GAP"
}

silence() { # seconds-or-Ns out
  "${SOX[@]}" -r "$RATE" -c 1 -n "${PCM[@]}" "$2" trim 0 "$1"
}

prompt() { # asterisk prompt name, out
  "${SOX[@]}" "$SOUNDS/$1.wav" "${PCM[@]}" "$2" pad 0 0.3
}

music() { # track start length out  (hold music, faded in and out)
  local len=$3
  "${SOX[@]}" "$MOH/$1.wav" "${PCM[@]}" "$4" trim "$2" "$len" \
    norm -6 fade t 0.6 "$len" 1.0
}

ringback() { # cycles out  (North American ringback: 440+480 Hz, 2 s on, 4 s off)
  local i parts=()
  for ((i = 0; i < $1; i++)); do
    "${SOX[@]}" -r "$RATE" -c 2 -n -r "$RATE" -c 2 -b 16 "$WORK/ring2.wav" synth 2 sine 440 sine 480
    "${SOX[@]}" "$WORK/ring2.wav" "${PCM[@]}" "$WORK/ring$i.wav" remix 1,2 vol 0.2 pad 0 4
    parts+=("$WORK/ring$i.wav")
  done
  "${SOX[@]}" "${parts[@]}" "$2"
}

dtmf() { # digits out
  local d lo hi i parts=()
  for ((i = 0; i < ${#1}; i++)); do
    d=${1:i:1}
    case $d in
      1) lo=697 hi=1209 ;; 2) lo=697 hi=1336 ;; 3) lo=697 hi=1477 ;;
      4) lo=770 hi=1209 ;; 5) lo=770 hi=1336 ;; 6) lo=770 hi=1477 ;;
      7) lo=852 hi=1209 ;; 8) lo=852 hi=1336 ;; 9) lo=852 hi=1477 ;;
      '*') lo=941 hi=1209 ;; 0) lo=941 hi=1336 ;; '#') lo=941 hi=1477 ;;
      *) echo "bad DTMF digit $d" >&2; exit 1 ;;
    esac
    "${SOX[@]}" -r "$RATE" -c 2 -n -r "$RATE" -c 2 -b 16 "$WORK/dt2.wav" synth 0.18 sine "$lo" sine "$hi"
    "${SOX[@]}" "$WORK/dt2.wav" "${PCM[@]}" "$WORK/dt$i.wav" remix 1,2 vol 0.3 pad 0 0.15
    parts+=("$WORK/dt$i.wav")
  done
  "${SOX[@]}" "${parts[@]}" "$2" pad 0 0.3
}

samples() { soxi -s "$1"; }

# ---------------------------------------------------------------- render --
# render NAME CHANNELS < cue sheet
# Cue sheet lines:
#   A text             agent speaks (left channel in dual recordings)
#   C text             caller speaks (right channel)
#   X text             porting specialist speaks (agent side, left)
#   P prompt           Asterisk prompt, played by the platform (left)
#   B                  beep (left)
#   M track start len  hold music (left)
#   R cycles           ringback tone (left)
#   T digits           caller presses keys (right)
#   S seconds          nobody makes a sound (both)
# The words of A/C/X lines are collected as the recording's transcript.
# Renders $WORK/NAME.pcm.wav (16-bit master) and $WORK/NAME.words.
render() {
  local name=$1 ch=$2 line kind rest side f n=0 track from len
  local dir="$WORK/$name"
  mkdir -p "$dir"
  : >"$dir/list"; : >"$WORK/$name.words"; rm -f "$WORK/$name.prompts"
  while IFS= read -r line; do
    [[ -z ${line//[[:space:]]/} || $line == \#* ]] && continue
    kind=${line%% *}; rest=""
    [[ $line == *" "* ]] && rest=${line#* }
    n=$((n + 1)); f=$(printf '%s/p%03d.wav' "$dir" "$n")
    case $kind in
      A) speak "$VOICE_AGENT" "$SPEED_AGENT" "$PITCH_AGENT" "highpass 150" "$rest" "$f"; side=L ;;
      X) speak "$VOICE_THIRD" "$SPEED_THIRD" "$PITCH_THIRD" "highpass 150" "$rest" "$f"; side=L ;;
      C) speak "$VOICE_CALLER" "$SPEED_CALLER" "$PITCH_CALLER" "sinc 300-3400" "$rest" "$f"; side=R ;;
      P) prompt "$rest" "$f"; side=L; echo "$rest" >>"$WORK/$name.prompts" ;;
      B) prompt beep "$f"; side=L ;;
      M) read -r track from len <<<"$rest"; music "$track" "$from" "$len" "$f"; side=L ;;
      R) ringback "$rest" "$f"; side=L ;;
      T) dtmf "$rest" "$f"; side=R ;;
      S) silence "$rest" "$f"; side=B ;;
      *) echo "$name: unknown cue '$line'" >&2; exit 1 ;;
    esac
    case $kind in A | C | X) printf '%s\n' "$rest" >>"$WORK/$name.words" ;; esac
    echo "$side $f" >>"$dir/list"
  done

  local out="$WORK/$name.pcm.wav"
  if [[ $ch == 1 ]]; then
    # shellcheck disable=SC2046
    "${SOX[@]}" $(cut -d' ' -f2 "$dir/list") "$out"
  elif [[ $ch == 2 ]]; then
    # Dual channel: each leg carries only its own party; the other leg is
    # exactly as long and silent.
    local left=() right=() z
    while read -r side f; do
      z="${f%.wav}.z.wav"
      silence "$(samples "$f")s" "$z"
      case $side in
        L) left+=("$f"); right+=("$z") ;;
        R) left+=("$z"); right+=("$f") ;;
        B) left+=("$f"); right+=("$f") ;;
      esac
    done <"$dir/list"
    "${SOX[@]}" "${left[@]}" "$dir/left.wav"
    "${SOX[@]}" "${right[@]}" "$dir/right.wav"
    if [[ $(samples "$dir/left.wav") != $(samples "$dir/right.wav") ]]; then
      echo "$name: left and right legs differ in length" >&2; exit 1
    fi
    "${SOX[@]}" -M "$dir/left.wav" "$dir/right.wav" "$out"
  else
    echo "$name: channels must be 1 or 2" >&2; exit 1
  fi
}

# store NAME: μ-law WAV for the repo, MP3 (16 kHz CBR) made from that WAV.
store() {
  local name=$1 ch
  "${SOX[@]}" "$WORK/$name.pcm.wav" -e u-law -b 8 "$OUT/$name.wav"
  ch=$(soxi -c "$OUT/$name.wav")
  "${SOX[@]}" "$OUT/$name.wav" -r 16000 -b 16 -e signed-integer "$WORK/$name.16k.wav"
  if [[ $ch == 1 ]]; then
    lame --quiet --cbr -b 24 -m m -q 2 --noreplaygain "$WORK/$name.16k.wav" "$OUT/$name.mp3"
  else
    lame --quiet --cbr -b 32 -m j -q 2 --noreplaygain "$WORK/$name.16k.wav" "$OUT/$name.mp3"
  fi
}

# ------------------------------------------------------------- the calls --
rm -f "$OUT"/*.wav "$OUT"/*.mp3 "$OUT"/catalog.json

render billing-question 2 <<'EOF'
A Thank you for calling Larkspur Telecom, this is Dana. How can I help you today?
C Hi Dana. My bill this month is a lot higher than usual, and I don't understand why.
A I'm sorry about that. Can I have the account number, or the phone number on the account?
C Sure. It's five five five, zero one four two.
A Thank you. One moment.
M manolo_camp-morning_coffee 12 4
A Thanks for waiting. I see a charge of twelve dollars for calls to Canada on November third.
C Oh, that was my son calling a friend in Toronto. I didn't know that was extra.
A No problem. Canada isn't in your plan, but I can add the North America pack for five dollars a month.
C Yes please, let's do that.
A Done, from your next bill. Anything else?
C No, that's all. Thanks a lot.
A You're welcome. Have a great day.
EOF

render voicemail-payment 1 <<'EOF'
C Hi, this is Greg Palmer, account ending in six two zero eight.
S 0.8
C I got a text saying my payment failed, but the money left my bank account yesterday.
S 1.2
C Could someone please call me back at five five five, zero one nine three? I'm around until five today.
S 0.6
C Thanks, bye.
S 1.0
EOF

render ivr-only 1 <<'EOF'
P basic-pbx-ivr-main
S 1.8
T 3
P pls-hold-while-try
R 2
P vm-nobodyavail
P goodbye
S 0.5
EOF

render long-hold 1 <<'EOF'
A Larkspur Telecom, Dana speaking.
C Hi. I was charged a cancellation fee on an account I closed last spring, and nobody seems to know why.
A I'm sorry to hear that. I need to check with our billing team. May I put you on hold for a few minutes?
C Sure, go ahead.
M macroform-the_simplicity 4 58
P queue-thankyou
M macroform-the_simplicity 64 46
P queue-thankyou
M macroform-the_simplicity 118 18
A Thank you for holding. Billing confirmed the fee was applied by mistake, so I've refunded the full forty nine dollars to your card.
C Great, that's what I hoped to hear. How long will it take?
A Three to five business days. You'll also get an email confirmation.
C Thanks for sorting it out.
A My pleasure. Goodbye.
EOF

render conference 1 <<'EOF'
B
A Hi everyone, this is Dana. I have Marcus from the porting team joining us.
B
X Hi, Marcus here.
C Hello both. Thanks for setting this up.
A So, you have twelve office lines to move over from your old carrier, is that right?
C Yes, twelve lines, and we'd like them all moved on the same day so the phones don't split.
X We can schedule that as one batch. I'd suggest a Saturday morning, when your office is closed.
C Saturday the fourteenth works for us.
X Then I'll book the fourteenth at eight in the morning, and send you the letter of authorization to sign today.
A And I'll email you a summary of this call. Anything else before we finish?
C No, that covers it. Thank you.
B
EOF

render porting-request 2 <<'EOF'
A Larkspur Telecom, this is Dana speaking.
C Hello. I'm switching to you from another carrier, and I'd like to keep my mobile number.
A Great, we can port that for you. Do you have your account number and the transfer PIN from your current carrier?
C I have the account number. I'm not sure about the PIN.
S 1.5
C Wait, I think it's in the text message they sent me. Yes, I have it.
A Perfect. Number porting is handled by our porting team, so I'll transfer you to Marcus now. Please stay on the line.
C Okay, thank you.
M macroform-cold_day 30 4
EOF

render porting-transfer 1 <<'EOF'
X Hi, this is Marcus from the porting team. Dana tells me you want to bring your number over.
C That's right. I have the account number and the PIN.
X Great. Please read me the account number first.
C It's eight one two, four four zero, nine nine seven.
X And the PIN?
C Three three seven one.
X Thank you. I've submitted the request. The number should move over within one business day, and you'll get a text when it's done.
C Perfect, thanks Marcus.
EOF

render address-change 2 <<'EOF'
A Larkspur Telecom, this is Dana. How can I help?
C Hi, I'd like to change the address on my account.
A Sure. I'll need the account number first, please.
C Hold on, let me find the letter.
S 6
C Sorry, it's somewhere on my desk.
S 5
C Here it is. Seven seven one, three zero two.
A Thank you. And the new address?
C Fourteen Birch Lane, apartment two.
S 4
A All right, it's updated. You'll get a confirmation letter at the new address.
C Great, thanks.
EOF

render callback 1 <<'EOF'
R 1
C Hello?
A Hi, this is Dana from Larkspur Telecom, returning your call about the slow internet connection. Is this a good time?
C Oh yes, thanks for calling back.
A We replaced a faulty card in the street cabinet this morning. Could you check your speed now?
S 3
C It looks much better. I'm getting the full speed again.
A Wonderful. I'll close the ticket then. Thanks for your patience, and have a good afternoon.
C You too, bye.
EOF

render router-reset 1 <<'EOF'
A Larkspur Telecom technical support, Dana speaking.
C Hi. My router keeps dropping the wifi every few minutes.
A Let's try a reset. Please hold the small button on the back for ten seconds, until the lights flash.
S 4
C Okay, the lights are flashing now.
A Good. Give it two minutes to come back, then reconnect your laptop.
S 3
C It's back, and the connection looks stable.
A Great. If it drops again today, call us back and we'll send a technician.
EOF

render wrong-number 1 <<'EOF'
R 1
C Hello?
A Hi, this is Dana from Larkspur Telecom. May I speak with Mister Alvarez about his installation appointment?
C I think you have the wrong number. There's no Alvarez here.
A I'm so sorry for the trouble. I'll update our records. Have a nice day.
EOF

render cancellation 1 <<'EOF'
A Larkspur Telecom, Dana speaking.
C Hi. I'm moving abroad next month, and I need to cancel my home phone service.
A I can help with that. Your contract runs until March, but moving abroad waives the early termination fee. On which date should we stop the service?
C The thirtieth of November, please.
A All set. Your final bill will arrive in December. Is there anything else?
C No, that's everything. Thank you.
EOF

for n in billing-question voicemail-payment ivr-only long-hold conference porting-request \
  porting-transfer address-change callback router-reset wrong-number cancellation; do
  store "$n"
done

# ------------------------------------------------------- loop and probes --
# loop.mp3: 9.000 s = exactly 250 MPEG-2 layer III frames (576 samples at
# 16 kHz, 108 bytes each at 24 kbps, never padded), no Xing/Info frame, no
# ID3 tag, no bit reservoir, so any number of copies can be joined into a
# valid longer MP3 (400 copies = 60 minutes).
"${SOX[@]}" "$SOUNDS/queue-periodic-announce.wav" "${PCM[@]}" "$WORK/loop-voice.wav" pad 0.6 1.5
"${SOX[@]}" "$MOH/reno_project-system.wav" "${PCM[@]}" "$WORK/loop-music.wav" trim 20 10 vol 0.35
"${SOX[@]}" -m "$WORK/loop-voice.wav" "$WORK/loop-music.wav" -r 16000 -b 16 -e signed-integer \
  "$WORK/loop16.wav" trim 0 9.2 fade t 0.05 9.2 0.3
lame --quiet --cbr -b 24 -m m -q 2 --noreplaygain -t --nores "$WORK/loop16.wav" "$WORK/loop-full.mp3"
head -c $((250 * 108)) "$WORK/loop-full.mp3" >"$OUT/loop.mp3"

# tone-probe: 1 s of 440 Hz for the app's playability self-test.
"${SOX[@]}" -r "$RATE" -c 1 -n "${PCM[@]}" "$OUT/tone-probe.wav" synth 1 sine 440 vol 0.5 fade t 0.02 1 0.02
"${SOX[@]}" "$OUT/tone-probe.wav" -r 16000 -b 16 -e signed-integer "$WORK/tone16.wav"
lame --quiet --cbr -b 24 -m m -q 2 --noreplaygain "$WORK/tone16.wav" "$OUT/tone-probe.mp3"

# ---------------------------------------------------------------- catalog --
# One row per recording, newest first. Fields:
#   sid | call_sid | conference_sid | start_time | slack | status | source |
#   trim | name | channels | serve_wav_as | transcript | summary
# slack = end_time - start_time - duration, in seconds ("-": still recording).
# name "-" means no media. channels is checked against the file when there is
# one. transcript "yes" copies the spoken lines of the cue sheet.
CATALOG=$(cat <<'EOF'
5819bdde-005d-4bd3-ba95-cb64ac974c3b|39075409-448a-4602-91bc-fbb169ec31d6|-|2026-11-30T15:42:10Z|-|in-progress|DialVerb|do-not-trim|-|2|pcm16|no|Call still being recorded, so there is no media yet
6b48a426-a8ae-4180-aba9-6641c9e96dfa|a0d0de1a-e3e4-44b8-a73f-e77ffc743cb3|-|2026-11-27T14:01:40Z|1|completed|DialVerb|do-not-trim|billing-question|2|pcm16|yes|Billing question: unexpected charge for calls to Canada, agent adds a North America pack
92d418e2-67f8-4ae3-afad-fde9c2416f8b|01279941-fcea-4b95-99fb-ee40bd406d90|-|2026-11-24T16:20:05Z|9|absent|RecordVerb|trim-silence|-|1|pcm16|no|Voicemail attempt: caller hung up without speaking, so nothing was saved
b22def7d-b296-43b4-b283-2abb8029c925|2500c96b-cce5-4221-a71c-52a778ba5ca7|-|2026-11-19T21:04:31Z|8|completed|RecordVerb|trim-silence|voicemail-payment|1|pcm16|yes|Voicemail: customer says a failed payment was taken anyway and asks for a callback
cc118896-c422-4d92-9c96-fe423970eecc|8d02dc28-b3bf-4c17-86af-3b031fb304ad|-|2026-11-16T13:12:48Z|0|completed|Trunking|do-not-trim|ivr-only|1|pcm16|no|IVR only: menu prompts and one key press, the line rings out and the call ends without an agent
6301e72f-6371-40d2-8d97-17631e382430|19d83a3d-f0bf-49cf-a5fc-9e0096b9409f|-|2026-11-10T18:27:03Z|1|completed|DialVerb|do-not-trim|long-hold|1|pcm16|no|Disputed cancellation fee: over two minutes of hold music, then a refund
0870c64c-c778-407e-b4c1-c2cc48d7bdfd|-|d942c4ee-40cd-43fc-bda6-5f4a0afa1ea4|2026-11-05T15:00:12Z|2|completed|Conference|do-not-trim|conference|1|pcm16|yes|Conference with agent, porting specialist and a business customer planning to port twelve lines
e2215157-fa5b-4ada-bd72-cc7d92e64358|dabe0775-62ba-42af-a682-6ba39c6e419c|-|2026-11-02T16:46:02Z|0|completed|StartCallRecordingAPI|do-not-trim|porting-transfer|1|pcm16|no|Porting request, part 2: after the transfer the porting specialist takes the account number and PIN
3b020645-5013-43fd-b169-dd97d5bfa320|dabe0775-62ba-42af-a682-6ba39c6e419c|-|2026-11-02T16:44:58Z|1|completed|DialVerb|do-not-trim|porting-request|2|pcm16|no|Porting request, part 1: new customer wants to keep a mobile number and is transferred to porting
4a58d328-c81b-4ea6-9a49-efc8b5e5dc79|919f0f13-4404-44b7-a5dc-c0e12da30881|-|2026-10-28T14:25:33Z|0|completed|DialVerb|do-not-trim|address-change|2|pcm16|yes|Address change with long silences while the caller looks for the account number
8ec645c3-72e8-438f-9b31-d9213eed46fd|6b90bc92-d76f-433c-a7d2-9a3bfa0d7a92|-|2026-10-22T19:10:02Z|1|completed|OutboundAPI|do-not-trim|callback|1|pcm16|yes|Agent calls back about slow internet after a repair; speed confirmed and ticket closed
43b5b2fc-2fc0-4ba5-a6fe-8919e972b1ad|949dfb68-e409-42ca-ab45-29cd4ef6345b|-|2026-10-13T17:35:40Z|0|completed|DialVerb|do-not-trim|router-reset|1|mulaw|no|Technical support: router drops wifi, fixed by a reset (served as mu-law WAV)
6e8e7d11-ff33-4247-8ad0-ae6c54646c65|b541dcf0-71c9-4b11-9eb1-1ca2df44f782|-|2026-10-07T20:02:15Z|0|completed|OutboundAPI|do-not-trim|wrong-number|1|pcm16|no|Outbound appointment reminder that reaches a wrong number
d273c2ee-0fa9-4ada-b9b5-9b63b762cfcf|95d79f55-5411-422c-a0ba-eac4d92c2745|-|2026-10-02T13:40:27Z|1|completed|DialVerb|do-not-trim|cancellation|1|pcm16|no|Customer moving abroad cancels home phone service; early termination fee waived
EOF
)

json_str() { # value -> JSON string, or null for "-"
  if [[ $1 == "-" ]]; then printf 'null'; return; fi
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

iso_plus() { date -u -d "$1 + $2 seconds" +%Y-%m-%dT%H:%M:%SZ; }

{
  printf '{\n  "recordings": [\n'
  first=1; prev=""; declare -A call_end=()
  while IFS='|' read -r sid call conf start slack status source trim name ch serve tx summary; do
    if [[ $name != "-" ]]; then
      f="$OUT/$name.wav"
      [[ -f $f ]] || { echo "catalog: $f missing" >&2; exit 1; }
      dur=$(printf '%.0f' "$(soxi -D "$f")")
      real_ch=$(soxi -c "$f")
      [[ $real_ch == "$ch" ]] || { echo "catalog: $name has $real_ch channels, table says $ch" >&2; exit 1; }
      wav="$name.wav"; mp3="$name.mp3"
      price=$(printf -- '-%d.%04d' 0 $(((dur + 59) / 60 * 25)))
    else
      dur=0; wav="-"; mp3="-"; price="-"
    fi
    if [[ $slack == "-" ]]; then
      end="-"; created=$start
    else
      end=$(iso_plus "$start" $((dur + slack))); created=$end
    fi
    if [[ -n $prev && ! $created < $prev ]]; then
      echo "catalog: $sid is not older than the row above it" >&2; exit 1
    fi
    prev=$created
    # Two recordings of one call must not overlap in time (rows run newest
    # first, so this one has to end before the newer one started).
    if [[ $call != "-" && -n ${call_end[$call]:-} ]]; then
      [[ $end < ${call_end[$call]} ]] || { echo "catalog: recordings of call $call overlap" >&2; exit 1; }
    fi
    [[ $call != "-" ]] && call_end[$call]=$start
    if [[ $tx == yes ]]; then
      [[ -s $WORK/$name.prompts ]] && { echo "catalog: $name has prompts, transcript would be incomplete" >&2; exit 1; }
      transcript=$(paste -sd' ' "$WORK/$name.words")
    else
      transcript="-"
    fi
    ((first)) || printf ',\n'
    first=0
    printf '    {\n'
    printf '      "sid": %s,\n' "$(json_str "$sid")"
    printf '      "call_sid": %s,\n' "$(json_str "$call")"
    printf '      "conference_sid": %s,\n' "$(json_str "$conf")"
    printf '      "date_created": %s,\n' "$(json_str "$created")"
    printf '      "start_time": %s,\n' "$(json_str "$start")"
    printf '      "end_time": %s,\n' "$(json_str "$end")"
    printf '      "duration": %d,\n' "$dur"
    printf '      "channels": %d,\n' "$ch"
    printf '      "status": %s,\n' "$(json_str "$status")"
    printf '      "source": %s,\n' "$(json_str "$source")"
    printf '      "price": %s,\n' "$(json_str "$price")"
    printf '      "trim": %s,\n' "$(json_str "$trim")"
    printf '      "wav": %s,\n' "$(json_str "$wav")"
    printf '      "mp3": %s,\n' "$(json_str "$mp3")"
    printf '      "serve_wav_as": %s,\n' "$(json_str "$serve")"
    printf '      "transcription": %s,\n' "$(json_str "$transcript")"
    printf '      "summary": %s\n' "$(json_str "$summary")"
    printf '    }'
  done <<<"$CATALOG"
  printf '\n  ]\n}\n'
} >"$OUT/catalog.json"

echo "wrote $(ls "$OUT"/*.wav "$OUT"/*.mp3 | wc -l) media files and catalog.json to $OUT"
