import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Col, Descriptions, Flex, Input, List, Row, Tree, Typography } from 'antd';
import type { GetRef, TreeDataNode } from 'antd';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { isAgency, isCommuneLevel } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import type { UnitChildrenQuery as UnitsResult, UnitKind } from '../../../gql/graphql';
import { UnitChildrenQuery, UnitSearchQuery } from '../units.graphql';

type UnitRow = UnitsResult['units'][number];
interface Node extends TreeDataNode {
  key: string;
  unit: UnitRow;
  children?: Node[];
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

/** The unit tree, children loaded as nodes open, virtual-scrolled; search ignores diacritics (server-side folding). */
export function UnitTreePage() {
  const { t } = useI18n();
  const client = useApolloClient();
  const tree = useRef<GetRef<typeof Tree>>(null);
  const label = useCallback((u: UnitRow) => `${u.name}${u.code ? ` (${u.code})` : ''}`, []);
  const roots = useQuery(UnitChildrenQuery, { variables: { parentId: null } });
  const [nodes, setNodes] = useState<Node[]>([]);
  const loaded = useRef(new Set<string>());
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<UnitRow | null>(null);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 300);
  const found = useQuery(UnitSearchQuery, { variables: { search }, skip: search.length < 2 });

  useEffect(() => {
    if (roots.data) setNodes(roots.data.units.map((u) => toNode(u, label)));
  }, [roots.data, label]);

  const loadChildren = useCallback(
    async (parentId: string) => {
      if (loaded.current.has(parentId)) return;
      const { data } = await client.query({ query: UnitChildrenQuery, variables: { parentId } });
      loaded.current.add(parentId);
      setNodes((prev) => withChildren(prev, parentId, (data?.units ?? []).map((u) => toNode(u, label))));
    },
    [client, label],
  );

  /** Opens the tree down to a search result and selects it. */
  async function reveal(u: UnitRow & { ancestors: { id: string }[] }) {
    const rootIds = new Set(nodes.map((n) => n.key));
    const path = u.ancestors.map((a) => a.id);
    const from = path.findIndex((id) => rootIds.has(id));
    const chain = from >= 0 ? path.slice(from) : [];
    for (const id of chain) await loadChildren(id);
    setExpanded((e) => [...new Set([...e, ...chain])]);
    setSelected(u);
    setTimeout(() => tree.current?.scrollTo({ key: u.id, align: 'top' }), 50);
  }

  const results = found.data?.units ?? [];

  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('units.title')}</Typography.Title>}>
          <Flex vertical gap={12}>
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
            {roots.loading ? (
              <Loading />
            ) : roots.error ? (
              <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />
            ) : !nodes.length ? (
              <EmptyState>{t('units.empty')}</EmptyState>
            ) : (
              <Tree<Node>
                ref={tree}
                height={560}
                virtual
                showLine
                blockNode
                treeData={nodes}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(_, info) => setSelected(info.node.unit)}
                loadData={(node) => loadChildren(node.key)}
              />
            )}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card>
          {selected ? (
            <Flex vertical gap={12}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {selected.name}
              </Typography.Title>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'kind', label: t('common.kind'), children: t(`kind.${selected.kind}`) },
                  { key: 'code', label: t('plan.ind.code'), children: selected.code ?? '—' },
                ]}
              />
              <Link to={`/progress?unitId=${selected.id}`}>
                <Button>{t('plan.progress')}</Button>
              </Link>
            </Flex>
          ) : (
            <EmptyState>{t('units.showInTree')}</EmptyState>
          )}
        </Card>
      </Col>
    </Row>
  );
}
