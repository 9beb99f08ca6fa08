#!/bin/bash
# usage: cap.sh <name> <command...>   — captures PG log segment written while command runs
name=$1; shift
LOG=/tmp/pg-orm/log
sleep 0.5
start=$(stat -c %s $LOG)
"$@" > /tmp/orm/logs/$name.out 2>&1
rc=$?
sleep 1
tail -c +$((start+1)) $LOG > /tmp/orm/logs/$name.log
echo "$name rc=$rc  $(wc -l < /tmp/orm/logs/$name.log) log lines"
