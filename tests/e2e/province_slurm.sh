#!/bin/sh
# province/slurm.sh on a real Slurm: Debian's slurm-wlm started here as a
# private one-node cluster (its own configuration, ports and state in a
# temporary directory; no munge: auth/none).  The job array builds three
# cities and the afterok job rolls them up; a failed city cancels the
# roll-up and its log names it; submitting again redoes that city alone.
# may-skip: slurm-wlm (slurmctld, slurmd, sbatch) is not installed
. "$(dirname "$0")/lib.sh"
for c in slurmctld slurmd sbatch squeue scontrol sinfo; do
	command -v "$c" >/dev/null 2>&1 || [ -x "/usr/sbin/$c" ] || { echo "no $c: slurm-wlm is not installed"; exit 77; }
done
PATH=$PATH:/usr/sbin
tmp=$(mktemp -d)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
node=$(hostname -s 2>/dev/null); [ -n "$node" ] || node=$(hostname)
user=$(id -un)
port=$((20000 + $$ % 20000))
mkdir -p "$tmp/state" "$tmp/spool"
export SLURM_CONF=$tmp/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=anjiantest
SlurmctldHost=$node
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/none
CredType=cred/none
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$node CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -f "$SLURM_CONF" >"$tmp/ctld.out" 2>&1 &
pids="$pids $!"
slurmd -D -f "$SLURM_CONF" -N "$node" >"$tmp/d.out" 2>&1 &
pids="$pids $!"
i=0
until sinfo -h -o %T 2>/dev/null | grep -q idle; do
	i=$((i + 1))
	[ $i -lt 60 ] || { cat "$tmp/ctld.out" "$tmp/d.out" "$tmp"/*.log; fail "the cluster did not come up"; }
	sleep 1
done

export SOURCE_DATE_EPOCH=1775001600
export ANJIAN GEN="$(gen_bin)" MONTH=2025-12 ENTERPRISES=36 CITIES="nanjing suzhou wuxi"
export WORK=$tmp/w
prov=$ANJIAN_TOP/province
mtime() { stat -c %y "$1"; }
# submit: runs slurm.sh, waits until both jobs have left the queue
submit() {
	ids=$(sh "$prov/slurm.sh") || fail "slurm.sh could not submit"
	i=0
	while [ -n "$(squeue -h -j "$(echo $ids | tr ' ' ,)" 2>/dev/null)" ]; do
		i=$((i + 1))
		[ $i -lt 600 ] || { squeue; fail "jobs $ids still queued after 10 minutes"; }
		sleep 1
	done
}

submit
[ -f "$WORK/province/manifest.xml" ] || { cat "$WORK"/slurm/*.log; fail "no roll-up after the array"; }
verify_manifest "$WORK/province" || fail "the roll-up's manifest"
[ "$(xmllint --xpath 'count(//district)' "$WORK/province/data/bulletin-2025-12.xml")" = 3 ] ||
	fail "not three cities in the roll-up"

# a failed city: its task fails, the roll-up is cancelled, the log names it
rec=$WORK/suzhou/data/records/2025-12.xml
sed -i '0,/date="2025-12-[0-9]*"/s//date="2025-12-41"/' "$rec"
before=$(mtime "$WORK/province/manifest.xml")
other=$(mtime "$WORK/nanjing/out/manifest.xml")
submit
[ "$(mtime "$WORK/province/manifest.xml")" = "$before" ] || fail "the roll-up ran after a failed city"
grep -q "city suzhou failed" "$WORK/slurm/city-1.log" || { cat "$WORK/slurm/city-1.log"; fail "the task's log does not name suzhou"; }
sed -i 's/date="2025-12-41"/date="2025-12-01"/' "$rec"
submit
[ "$(mtime "$WORK/province/manifest.xml")" != "$before" ] || { cat "$WORK/slurm/rollup.log"; fail "no roll-up after the fix"; }
[ "$(mtime "$WORK/nanjing/out/manifest.xml")" = "$other" ] || fail "an unchanged city was built again"
echo ok
