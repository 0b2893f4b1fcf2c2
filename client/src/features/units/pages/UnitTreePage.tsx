import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Input, List, Row, Tree, Typography } from 'antd';
import type { GetRef, TreeDataNode } from 'antd';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { isAgency, isCommuneLevel } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import type { UnitChildrenQuery as UnitsResult, UnitKind } from '../../../gql/graphql';
import { UnitChildrenQuery, UnitSearchQuery } from '../units.graphql';
import { UnitDetail } from '../components/UnitDetail';
import { isIsoDate, todayIso } from '../dates';

type UnitRow = UnitsResult['units'][number];
interface Node extends TreeDataNode {
  key: string;
  unit: UnitRow;
  children?: Node[];
}
/** A unit to open in the tree: its id and the chain of its ancestors (root first). */
interface Target {
  id: string;
  ancestors?: readonly { id: string }[];
}

const isLeafKind = (kind: UnitKind) => isCommuneLevel(kind) || isAgency(kind);

function toNode(u: UnitRow, label: (u: UnitRow) => string): Node {
  return { key: u.id, title: label(u), unit: u, isLeaf: isLeafKind(u.kind) };
}

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n));
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * The unit tree as it stood on a chosen day (today by default: after the 2025 reform, the new
 * communes; a day in 2022, the districts), children loaded as nodes open, virtual-scrolled;
 * search ignores diacritics (server-side folding). The side panel shows a unit's history.
 */
export function UnitTreePage() {
  const { t, date } = useI18n();
  const client = useApolloClient();
  const tree = useRef<GetRef<typeof Tree>>(null);
  const treeBox = useRef<HTMLDivElement>(null);
  const today = todayIso();
  const [at, setAt] = useState(today);
  const [typedAt, setTypedAt] = useState(today);
  const label = useCallback((u: UnitRow) => `${u.name}${u.code ? ` (${u.code})` : ''}`, []);
  const roots = useQuery(UnitChildrenQuery, { variables: { parentId: null, at } });
  const [nodes, setNodes] = useState<{ at: string; list: Node[] }>({ at, list: [] });
  const loaded = useRef(new Set<string>());
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Target | null>(null);
  /** A revealed unit to bring into view once the tree has rendered its branch. */
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 300);
  const found = useQuery(UnitSearchQuery, { variables: { search, at }, skip: search.length < 2 });

  useEffect(() => {
    if (roots.data) setNodes({ at, list: roots.data.units.map((u) => toNode(u, label)) });
  }, [roots.data, label, at]);

  /** Another day: the tree is rebuilt from its roots as they stood then. */
  function changeDate(day: string) {
    setTypedAt(day);
    if (!isIsoDate(day) || day === at) return;
    loaded.current = new Set();
    setExpanded([]);
    setAt(day);
  }

  const loadChildren = useCallback(
    async (parentId: string) => {
      if (loaded.current.has(parentId)) return;
      const { data } = await client.query({ query: UnitChildrenQuery, variables: { parentId, at } });
      loaded.current.add(parentId);
      setNodes((prev) => ({
        ...prev,
        list: withChildren(
          prev.list,
          parentId,
          (data?.units ?? []).map((u) => toNode(u, label)),
        ),
      }));
    },
    [client, label, at],
  );

  /** Opens the tree down to a unit and selects it. */
  const reveal = useCallback(
    async (u: Target) => {
      const rootIds = new Set(nodes.list.map((n) => n.key));
      const path = (u.ancestors ?? []).map((a) => a.id);
      const from = path.findIndex((id) => rootIds.has(id));
      const chain = from >= 0 ? path.slice(from) : [];
      for (const id of chain) await loadChildren(id);
      setExpanded((e) => [...new Set([...e, ...chain])]);
      setSelectedId(u.id);
      setScrollTo(u.id);
    },
    [nodes.list, loadChildren],
  );

  // While a branch's opening animation runs its children are not in the list yet: scroll until
  // the selected node is rendered (for a few seconds at most).
  useEffect(() => {
    if (!scrollTo) return;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    const go = () => {
      tree.current?.scrollTo({ key: scrollTo, align: 'top' });
      // Rendered for good (not inside an opening animation) and within the list's viewport.
      const node = treeBox.current?.querySelector('.ant-tree-treenode-selected');
      const list = treeBox.current?.querySelector('.ant-tree-list-holder')?.getBoundingClientRect();
      const box = node?.getBoundingClientRect();
      const shown = !!node && !node.closest('.ant-tree-treenode-motion') && !!list && !!box && box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
      if (!shown && ++tries < 30) timer = setTimeout(go, 150);
    };
    timer = setTimeout(go, 0);
    return () => clearTimeout(timer);
  }, [scrollTo, nodes, expanded]);

  // A unit of the history opens once the tree of its day is there.
  useEffect(() => {
    if (!pending || nodes.at !== at || !roots.data) return;
    setPending(null);
    void reveal(pending);
  }, [pending, nodes.at, at, roots.data, reveal]);

  /** From the history panel: show a predecessor or successor on a day it was in force. */
  function showOn(u: Target, day: string) {
    setQ('');
    setSelectedId(u.id);
    setPending(u);
    changeDate(day);
  }

  const results = found.data?.units ?? [];
  const past = at !== today;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card
          title={
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('units.title')}
            </Typography.Title>
          }
        >
          <Flex vertical gap={12}>
            <Flex gap={8} align="center" wrap>
              <label htmlFor="units-at">{t('units.at')}</label>
              <Input id="units-at" type="date" value={typedAt} onChange={(e) => changeDate(e.target.value)} style={{ width: 170 }} />
              <Button onClick={() => changeDate(today)} disabled={!past}>
                {t('units.today')}
              </Button>
            </Flex>
            {past && <Alert type="info" showIcon title={t('units.asOf', { date: date(at) })} />}
            <Input.Search allowClear placeholder={t('units.search')} aria-label={t('common.search')} value={q} onChange={(e) => setQ(e.target.value)} loading={found.loading} />
            {search.length >= 2 &&
              (found.error ? (
                <ErrorState error={found.error} onRetry={() => void found.refetch()} />
              ) : (
                <List
                  size="small"
                  bordered
                  loading={found.loading}
                  header={!found.loading && results.length > 0 ? t('units.searchResults', { count: results.length }) : undefined}
                  dataSource={results}
                  style={{ maxHeight: 240, overflow: 'auto' }}
                  locale={{ emptyText: <EmptyState>{t('units.searchEmpty', { q: search })}</EmptyState> }}
                  renderItem={(u) => (
                    <List.Item style={{ cursor: 'pointer' }} onClick={() => void reveal(u)}>
                      <span>
                        <Typography.Text strong>{u.name}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {t(`kind.${u.kind}`)}
                          {u.parent ? ` · ${t('units.in', { parent: u.parent.name })}` : ''}
                          {u.code ? ` · ${t('units.code', { code: u.code })}` : ''}
                        </Typography.Text>
                      </span>
                    </List.Item>
                  )}
                />
              ))}
            {roots.loading || nodes.at !== at ? (
              <Loading />
            ) : roots.error ? (
              <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />
            ) : !nodes.list.length ? (
              <EmptyState>{t('units.empty')}</EmptyState>
            ) : (
              <div ref={treeBox}>
                <Tree<Node>
                  key={at}
                  ref={tree}
                  height={560}
                  virtual
                  showLine
                  blockNode
                  treeData={nodes.list}
                  expandedKeys={expanded}
                  onExpand={(keys) => {
                    setScrollTo(null);
                    setExpanded(keys as string[]);
                  }}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(_, info) => {
                    setScrollTo(null);
                    setSelectedId(info.node.unit.id);
                  }}
                  loadData={(node) => loadChildren(node.key)}
                />
              </div>
            )}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card>{selectedId ? <UnitDetail unitId={selectedId} at={at} today={today} onShow={showOn} /> : <EmptyState>{t('units.showInTree')}</EmptyState>}</Card>
      </Col>
    </Row>
  );
}
